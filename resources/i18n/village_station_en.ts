<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddAssistantDialog</name>
    <message>
        <source>添加店员</source>
        <translation>Add assistant</translation>
    </message>
    <message>
        <source>例如：lixia</source>
        <translation>e.g. lixia</translation>
    </message>
    <message>
        <source>例如：李霞</source>
        <translation>e.g. Li Xia</translation>
    </message>
    <message>
        <source>至少8位，要同时有字母和数字（或符号）。</source>
        <translation>At least 8 characters, with both letters and digits (or symbols).</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输一次密码</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>ArrivalForm</name>
    <message>
        <source>扫不出时手输单号，按回车</source>
        <translation>If it won&apos;t scan, type the number and press Enter</translation>
    </message>
    <message>
        <source>手机号、后4位、138****1234 或 转分机</source>
        <translation>Mobile, last 4 digits, 138****1234 or number + extension</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>已同意代收</source>
        <translation>Agreed to station delivery</translation>
    </message>
    <message>
        <source>入库 (回车)</source>
        <translation>Check in (Enter)</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
</context>
<context>
    <name>BatchBar</name>
    <message>
        <source>自动识别</source>
        <translation>Recognise automatically</translation>
    </message>
    <message>
        <source>货架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>层</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>本批快递公司</source>
        <translation>Courier for this batch</translation>
    </message>
    <message>
        <source>{shelf}号</source>
        <translation>Shelf {shelf}</translation>
    </message>
    <message>
        <source>第{tier}层</source>
        <translation>Tier {tier}</translation>
    </message>
    <message>
        <source>排队待处理：{count}</source>
        <translation>Queued: {count}</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <source>没有找到摄像头，可以继续用扫码枪。</source>
        <translation>No camera found; you can keep using the barcode scanner.</translation>
    </message>
    <message>
        <source>摄像头没有画面了，可以继续用扫码枪。</source>
        <translation>The camera stopped sending pictures; you can keep using the barcode scanner.</translation>
    </message>
</context>
<context>
    <name>CheckInTab</name>
    <message>
        <source>本次入库（最新的在最上面，取件码写在包裹上）</source>
        <translation>Checked in this session (newest first; write the pickup code on the parcel)</translation>
    </message>
    <message>
        <source>已入库：取件码 {code}（{place}）</source>
        <translation>Already checked in: pickup code {code} ({place})</translation>
    </message>
    <message>
        <source>已入库：取件码 {code}，{place}</source>
        <translation>Checked in: pickup code {code}, {place}</translation>
    </message>
    <message>
        <source>此件已于{when}被取走（经办：{who}），确实要重新入库吗？</source>
        <translation>This parcel was picked up on {when} (handled by {who}). Check it in again?</translation>
    </message>
    <message>
        <source>此件已于{when}入库，后来退回快递公司，确实要重新入库吗？</source>
        <translation>This parcel was checked in on {when} and later returned to the courier. Check it in again?</translation>
    </message>
    <message>
        <source>已放弃这一件。</source>
        <translation>Skipped this parcel.</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>重新入库</source>
        <translation>Check in again</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>程序内部出错，刚才的操作没有保存，请重做一次。如果反复出现，请把日志文件发给县服务中心：{path}</source>
        <translation>An internal error occurred and the last action was not saved; please do it again. If this keeps happening, send the log file to the county centre: {path}</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KeeperPage</name>
    <message>
        <source>第二步：站长账号</source>
        <translation>Step 2: Keeper account</translation>
    </message>
    <message>
        <source>站长可以添加店员、修改设置和日结。请记住登录名和密码。</source>
        <translation>The keeper can add assistants, change settings and do the day close. Please remember the login name and password.</translation>
    </message>
    <message>
        <source>例如：wangjun（字母或汉字，2–20个字）</source>
        <translation>e.g. wangjun (letters or Chinese characters, 2–20 characters)</translation>
    </message>
    <message>
        <source>例如：王军</source>
        <translation>e.g. Wang Jun</translation>
    </message>
    <message>
        <source>密码至少8位，要同时有字母和数字（或符号），不能包含登录名，不要用12345678、88888888这类常见密码。</source>
        <translation>Password must be at least 8 characters, with both letters and digits (or symbols). It must not contain the login name. Do not use common passwords such as 12345678 or 88888888.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输一次密码</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>最近{count}条台账记录（最新的在最上面）</source>
        <translation>Latest {count} ledger entries (newest at the top)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>校验台账</source>
        <translation>Verify ledger</translation>
    </message>
    <message>
        <source>台账完整：共 {count} 条，哈希链校验通过。</source>
        <translation>Ledger intact: {count} entries, hash chain verified.</translation>
    </message>
    <message>
        <source>台账有问题：第 {seq} 条校验不通过（{problem}）。前 {count} 条完好。请不要自行修改数据文件，并联系县服务中心。</source>
        <translation>Ledger problem: entry {seq} failed verification ({problem}). The first {count} entries are intact. Do not edit the data files yourself; please contact the county centre.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>输入密码即可解锁。</source>
        <translation>Enter your password to unlock.</translation>
    </message>
    <message>
        <source>换人接班：把登录名改成自己的，再输入自己的密码。</source>
        <translation>Changing shift: change the login name to your own, then enter your own password.</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>已锁定 — {name}</source>
        <translation>Locked — {name}</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>村级电商服务站</source>
        <translation>Village E-commerce Station</translation>
    </message>
    <message>
        <source>{station} — 登录</source>
        <translation>{station} — Log in</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <source>演示模式：点一下账号即可填入</source>
        <translation>Demo mode: click an account to fill it in</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>{role} {login} / 密码 {password}</source>
        <translation>{role} {login} / password {password}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{station} — 村级电商服务站</source>
        <translation>{station} — Village E-commerce Station</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>代购</source>
        <translation>Agent orders</translation>
    </message>
    <message>
        <source>缴费</source>
        <translation>Bill payments</translation>
    </message>
    <message>
        <source>收购</source>
        <translation>Produce purchasing</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day close</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>扫码入库、取件码、出库交接、寄件、退件、盘点</source>
        <translation>Scan to check in, pickup codes, pick up and hand over, send, return, stocktake</translation>
    </message>
    <message>
        <source>替村民网上下单、收订金和服务费、到货通知、交货</source>
        <translation>Order online for villagers, take deposits and service fees, arrival notices, hand over</translation>
    </message>
    <message>
        <source>水电费、话费、宽带、医保、养老保险代缴和充值，打印凭条</source>
        <translation>Water, electricity, phone, broadband, medical and pension insurance payments and top-ups; print receipts</translation>
    </message>
    <message>
        <source>农产品按等级和重量收购：称毛重、扣皮扣杂扣水、付款、批次和溯源码</source>
        <translation>Buy produce by grade and weight: gross weight, deduct tare, impurities and moisture, pay, batches and trace codes</translation>
    </message>
    <message>
        <source>清点钱箱、核对当天各项收付、打印日结单</source>
        <translation>Count the cash box, check the day&apos;s receipts and payments, print the day close report</translation>
    </message>
    <message>
        <source>向县服务中心上报台账，下载价格表、缴费单位和通知，查看同步状态</source>
        <translation>Report the ledger to the county centre, download price lists, billers and notices, view sync status</translation>
    </message>
    <message>
        <source>锁定 (Ctrl+L)</source>
        <translation>Lock (Ctrl+L)</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>收到扫码 {code}，但这个页面不用扫码。</source>
        <translation>Scanned {code}, but this page does not use scanning.</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <source>添加店员</source>
        <translation>Add assistant</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>已添加店员：{name}</source>
        <translation>Assistant added: {name}</translation>
    </message>
    <message>
        <source>已重置 {login} 的密码。</source>
        <translation>Password reset for {login}.</translation>
    </message>
    <message>
        <source>重置 {login} 的密码</source>
        <translation>Reset password for {login}</translation>
    </message>
    <message>
        <source>你的密码已修改，下次登录请用新密码。</source>
        <translation>Your password has been changed. Use the new password next time you log in.</translation>
    </message>
    <message>
        <source>已启用 {login}</source>
        <translation>Activated {login}</translation>
    </message>
    <message>
        <source>已停用 {login}</source>
        <translation>Deactivated {login}</translation>
    </message>
</context>
<context>
    <name>ParcelsPage</name>
    <message>
        <source>入库</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>取件</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>至少8位，要同时有字母和数字（或符号）。</source>
        <translation>At least 8 characters, with both letters and digits (or symbols).</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次新密码</source>
        <translation>Repeat new password</translation>
    </message>
</context>
<context>
    <name>PendingPanel</name>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>请扫描快递单号</source>
        <translation>Scan the waybill barcode</translation>
    </message>
    <message>
        <source>扫码后输入电话按回车入库；扫下一件也会自动入库上一件。</source>
        <translation>After scanning, type the phone and press Enter; scanning the next parcel also checks in this one.</translation>
    </message>
    <message>
        <source>本批快递公司已固定。</source>
        <translation>The courier is fixed for this batch.</translation>
    </message>
    <message>
        <source>可能是{count}家快递公司之一，请核对；按 F2 换下一个。</source>
        <translation>Could be one of {count} couriers; please check. Press F2 for the next.</translation>
    </message>
    <message>
        <source>认不出快递公司，请在右边选择。</source>
        <translation>Courier not recognised; choose it on the right.</translation>
    </message>
    <message>
        <source>输入电话后按回车入库。</source>
        <translation>Type the phone and press Enter to check in.</translation>
    </message>
</context>
<context>
    <name>PickupTab</name>
    <message>
        <source>取件码 / 手机后4位 / 单号，按回车查找</source>
        <translation>Pickup code / last 4 phone digits / tracking no., Enter to search</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>确认取件 (Ctrl+回车)</source>
        <translation>Confirm pickup (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>退件…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>查找结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>本次取件（同一电话的包裹已一并勾选；扫面单核对）</source>
        <translation>This pickup (parcels for the same phone are ticked too; scan each waybill to check)</translation>
    </message>
    <message>
        <source>没有找到在架的包裹，请核对取件码或电话后4位。</source>
        <translation>No parcel on the shelf matches; check the pickup code or last 4 phone digits.</translation>
    </message>
    <message>
        <source>此件已于{when}由{who}取走。</source>
        <translation>This parcel was picked up on {when}, handled by {who}.</translation>
    </message>
    <message>
        <source>此件已退回快递公司。</source>
        <translation>This parcel was returned to the courier.</translation>
    </message>
    <message>
        <source>扫的单号不在待取列表里：{tracking}</source>
        <translation>The scanned tracking number is not in this pickup: {tracking}</translation>
    </message>
    <message>
        <source>已取件 {count} 件：{codes}</source>
        <translation>Picked up {count}: {codes}</translation>
    </message>
    <message>
        <source>请先在“本次取件”里选中要退的包裹。</source>
        <translation>First select the parcel to return in “This pickup”.</translation>
    </message>
    <message>
        <source>已退件：{code}</source>
        <translation>Returned: {code}</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>—— 下一版本提供</source>
        <translation>— coming in the next version</translation>
    </message>
</context>
<context>
    <name>PreferencesTab</name>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不自动锁定</source>
        <translation>Never lock automatically</translation>
    </message>
    <message>
        <source>扫码成功或出错时播放提示音</source>
        <translation>Play a sound when a scan succeeds or fails</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>无人操作自动锁定</source>
        <translation>Auto-lock when idle</translation>
    </message>
    <message>
        <source>提示音</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <source>营业时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>退件给快递公司</source>
        <translation>Return to courier</translation>
    </message>
    <message>
        <source>选“其他”时必填</source>
        <translation>Required when “Other” is chosen</translation>
    </message>
    <message>
        <source>取件码 {code}&#x3000;单号 {tracking}</source>
        <translation>Pickup code {code}  Tracking no. {tracking}</translation>
    </message>
    <message>
        <source>退件原因</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>只有站长可以修改设置。</source>
        <translation>Only the keeper can change settings.</translation>
    </message>
    <message>
        <source>服务站信息</source>
        <translation>Station info</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>使用设置</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>服务站首次设置</source>
        <translation>Station first-time setup</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>第一步：服务站信息</source>
        <translation>Step 1: Station info</translation>
    </message>
    <message>
        <source>这些信息会上报县服务中心，请按营业执照或挂牌名称填写。</source>
        <translation>This information is reported to the county centre. Fill it in as on the business licence or station sign.</translation>
    </message>
    <message>
        <source>村级服务站</source>
        <translation>Village station</translation>
    </message>
    <message>
        <source>乡镇服务站</source>
        <translation>Township station</translation>
    </message>
    <message>
        <source>例如：胡家庄村电商服务站</source>
        <translation>e.g. Hujiazhuang Village E-commerce Station</translation>
    </message>
    <message>
        <source>12位数字，例如 610305110201</source>
        <translation>12 digits, e.g. 610305110201</translation>
    </message>
    <message>
        <source>区划代码共12位：第1–2位省，3–4位市，5–6位县，7–9位乡镇，10–12位村。村级服务站最后三位不能是000；乡镇服务站可以填乡镇代码（最后三位为000）。</source>
        <translation>The division code has 12 digits: 1–2 province, 3–4 city, 5–6 county, 7–9 township, 10–12 village. For a village station the last three digits cannot be 000; a township station may use the township code (last three digits 000).</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>服务站级别</source>
        <translation>Station level</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>同步：尚未连接县服务中心</source>
        <translation>Sync: not yet connected to the county centre</translation>
    </message>
    <message>
        <source>操作员：{name}（{role}）</source>
        <translation>Operator: {name} ({role})</translation>
    </message>
    <message>
        <source>营业日：{day}</source>
        <translation>Business day: {day}</translation>
    </message>
</context>
<context>
    <name>StationTab</name>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>服务站级别</source>
        <translation>Station level</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>服务站编号</source>
        <translation>Station number</translation>
    </message>
    <message>
        <source>服务站信息在首次设置时填写；如需更改，请联系县服务中心。</source>
        <translation>Station info is entered during first-time setup. To change it, please contact the county centre.</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>今日入库</source>
        <translation>Checked in today</translation>
    </message>
    <message>
        <source>今日出库</source>
        <translation>Picked up today</translation>
    </message>
    <message>
        <source>在架</source>
        <translation>On shelf</translation>
    </message>
    <message>
        <source>滞留</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>退件…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>按快递公司</source>
        <translation>By courier</translation>
    </message>
    <message>
        <source>滞留件（在架超过{days}天）</source>
        <translation>Overdue parcels (on the shelf more than {days} days)</translation>
    </message>
    <message>
        <source>请先在滞留件里选中要退的包裹。</source>
        <translation>First select the parcel to return among the overdue parcels.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>磁盘空间已满，本次操作没有保存。请删除不需要的文件或换一个数据目录后重试。</source>
        <translation>The disk is full; this action was not saved. Delete files you do not need or choose another data folder, then try again.</translation>
    </message>
    <message>
        <source>数据目录是只读的，无法保存。请检查文件夹权限，或用 --data-dir 选择可写的目录。</source>
        <translation>The data folder is read-only, so nothing can be saved. Check the folder permissions, or choose a writable folder with --data-dir.</translation>
    </message>
    <message>
        <source>数据文件正被另一个程序占用。请关闭另一个打开的服务站软件后重试。</source>
        <translation>The data file is in use by another program. Close the other copy of the station software and try again.</translation>
    </message>
    <message>
        <source>数据文件已损坏，无法读取。请不要继续使用此文件，从备份恢复或联系县服务中心。</source>
        <translation>The data file is damaged and cannot be read. Stop using this file; restore from a backup or contact the county centre.</translation>
    </message>
    <message>
        <source>无法打开数据文件。请检查数据目录是否存在、是否可写。</source>
        <translation>Cannot open the data file. Check that the data folder exists and is writable.</translation>
    </message>
    <message>
        <source>读写磁盘出错，本次操作没有保存。请检查硬盘或U盘后重试。</source>
        <translation>Disk read/write error; this action was not saved. Check the hard drive or USB drive and try again.</translation>
    </message>
    <message>
        <source>数据文件来自更新版本的服务站软件（数据版本 {revision}），本版本无法打开。请安装最新版本。</source>
        <translation>The data file comes from a newer version of the station software (data version {revision}) and cannot be opened by this version. Please install the latest version.</translation>
    </message>
    <message>
        <source>请填写12位区划代码。</source>
        <translation>Please enter the 12-digit division code.</translation>
    </message>
    <message>
        <source>区划代码必须是12位数字，现在是“{code}”（{count}位）。</source>
        <translation>The division code must be 12 digits; “{code}” has {count}.</translation>
    </message>
    <message>
        <source>区划代码前两位“{prefix}”不是有效的省级代码。</source>
        <translation>The first two digits of the division code, “{prefix}”, are not a valid province code.</translation>
    </message>
    <message>
        <source>区划代码第3–6位应是市、县代码，不能为00。</source>
        <translation>Digits 3–6 of the division code are the city and county codes and cannot be 00.</translation>
    </message>
    <message>
        <source>区划代码第7–9位应是乡镇代码，不能为000。</source>
        <translation>Digits 7–9 of the division code are the township code and cannot be 000.</translation>
    </message>
    <message>
        <source>村级服务站的区划代码最后三位是村代码，不能为000。</source>
        <translation>For a village station the last three digits of the division code are the village code and cannot be 000.</translation>
    </message>
    <message>
        <source>请填写服务站名称（至少2个字）。</source>
        <translation>Please enter the station name (at least 2 characters).</translation>
    </message>
    <message>
        <source>服务站名称太长（最多60个字）。</source>
        <translation>The station name is too long (60 characters at most).</translation>
    </message>
    <message>
        <source>两次输入的密码不一样。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>这个数据目录已经设置过服务站，不能再次运行设置向导。</source>
        <translation>A station has already been set up in this data folder; the setup wizard cannot be run again.</translation>
    </message>
    <message>
        <source>要更正的台账记录不存在：{entry_id}</source>
        <translation>The ledger entry to correct does not exist: {entry_id}</translation>
    </message>
    <message>
        <source>这条记录已经作废过了，不能重复作废。</source>
        <translation>This entry has already been voided and cannot be voided again.</translation>
    </message>
    <message>
        <source>作废必须写明原因。</source>
        <translation>A reason is required to void an entry.</translation>
    </message>
    <message>
        <source>序号不连续，前面缺了记录</source>
        <translation>Sequence numbers are not continuous; earlier entries are missing</translation>
    </message>
    <message>
        <source>与上一条记录的哈希接不上</source>
        <translation>Does not link to the hash of the previous entry</translation>
    </message>
    <message>
        <source>服务站编号在台账中途改变</source>
        <translation>Station number changed partway through the ledger</translation>
    </message>
    <message>
        <source>记录内容无法读取</source>
        <translation>Entry content cannot be read</translation>
    </message>
    <message>
        <source>记录内容与哈希不符，被改动过</source>
        <translation>Entry content does not match its hash; it has been altered</translation>
    </message>
    <message>
        <source>金额不能超过{limit}元：{text}</source>
        <translation>Amount cannot exceed {limit} yuan: {text}</translation>
    </message>
    <message>
        <source>请输入金额</source>
        <translation>Please enter an amount</translation>
    </message>
    <message>
        <source>金额格式不对：{text}</source>
        <translation>Invalid amount: {text}</translation>
    </message>
    <message>
        <source>金额不能为负数：{text}</source>
        <translation>Amount cannot be negative: {text}</translation>
    </message>
    <message>
        <source>金额最多两位小数：{text}</source>
        <translation>Amount can have at most two decimal places: {text}</translation>
    </message>
    <message>
        <source>登录名要2–20个字，只能用汉字、字母、数字、下划线、点或短横线。</source>
        <translation>Login name must be 2–20 characters, using only Chinese characters, letters, digits, underscores, dots or hyphens.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the full name.</translation>
    </message>
    <message>
        <source>姓名太长（最多40个字）。</source>
        <translation>The name is too long (40 characters at most).</translation>
    </message>
    <message>
        <source>登录名“{login}”已经有人用了，请换一个。</source>
        <translation>Login name “{login}” is already taken; please choose another.</translation>
    </message>
    <message>
        <source>登录名或密码不对，请再试一次。</source>
        <translation>Wrong login name or password; please try again.</translation>
    </message>
    <message>
        <source>这个账号已停用，请联系站长。</source>
        <translation>This account has been deactivated; please contact the keeper.</translation>
    </message>
    <message>
        <source>原密码不对。</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账号。</source>
        <translation>You cannot deactivate the account you are using.</translation>
    </message>
    <message>
        <source>至少要保留一个可用的站长账号。</source>
        <translation>At least one active keeper account must remain.</translation>
    </message>
    <message>
        <source>没有登录名为“{login}”的操作员。</source>
        <translation>No operator with login name “{login}”.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <source>密码的开头和结尾不能是空格。</source>
        <translation>The password cannot start or end with a space.</translation>
    </message>
    <message>
        <source>密码至少要{minimum}位，现在只有{count}位。</source>
        <translation>The password must be at least {minimum} characters; it has only {count}.</translation>
    </message>
    <message>
        <source>这个密码太常见，容易被猜到，请换一个。</source>
        <translation>This password is too common and easy to guess; please choose another.</translation>
    </message>
    <message>
        <source>密码里不能包含登录名。</source>
        <translation>The password must not contain the login name.</translation>
    </message>
    <message>
        <source>密码要同时包含字母和数字（或符号），不能只有一种。</source>
        <translation>The password must contain both letters and digits (or symbols), not just one kind.</translation>
    </message>
    <message>
        <source>作废记录</source>
        <translation>void entries</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>close the day</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>change settings</translation>
    </message>
    <message>
        <source>管理操作员</source>
        <translation>manage operators</translation>
    </message>
    <message>
        <source>只有站长可以{action}，请让站长登录后操作。</source>
        <translation>Only the keeper can {action}; please ask the keeper to log in.</translation>
    </message>
    <message>
        <source>设置值超出范围：应在{low}到{high}之间。</source>
        <translation>Setting out of range: must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>营业时间要写成“08:00-20:00”的样子，并且开门早于关门。</source>
        <translation>Opening hours must be written like “08:00-20:00”, with opening before closing.</translation>
    </message>
    <message>
        <source>重量不能超过{limit}：{text}</source>
        <translation>Weight cannot exceed {limit}: {text}</translation>
    </message>
    <message>
        <source>请输入重量</source>
        <translation>Please enter a weight</translation>
    </message>
    <message>
        <source>重量格式不对：{text}</source>
        <translation>Invalid weight: {text}</translation>
    </message>
    <message>
        <source>重量单位只能是克、两、斤、公斤或吨：{text}</source>
        <translation>Weight unit must be g, liang, jin, kg or tonne: {text}</translation>
    </message>
    <message>
        <source>重量不能为负数：{text}</source>
        <translation>Weight cannot be negative: {text}</translation>
    </message>
    <message>
        <source>国际邮件号校验位不对，请核对单号。</source>
        <translation>The international mail number&apos;s check digit is wrong; please check the number.</translation>
    </message>
    <message>
        <source>单号含有不该有的字符：{text}</source>
        <translation>The tracking number has characters it should not have: {text}</translation>
    </message>
    <message>
        <source>单号太短，可能没扫完整：{text}</source>
        <translation>The tracking number is too short; it may not have scanned completely: {text}</translation>
    </message>
    <message>
        <source>单号太长，可能连着扫了两个码：{text}</source>
        <translation>The tracking number is too long; two codes may have been scanned together: {text}</translation>
    </message>
    <message>
        <source>快递公司识别规则有误：{detail}</source>
        <translation>The courier recognition rules are faulty: {detail}</translation>
    </message>
    <message>
        <source>没有这个快递公司：{code}</source>
        <translation>No such courier: {code}</translation>
    </message>
    <message>
        <source>这是商品条码，不是快递单号：{text}</source>
        <translation>This is a product barcode, not a waybill: {text}</translation>
    </message>
    <message>
        <source>发送时出现程序错误（{kind}）</source>
        <translation>A program error occurred while sending ({kind})</translation>
    </message>
    <message>
        <source>打印失败：{detail}</source>
        <translation>Printing failed: {detail}</translation>
    </message>
    <message>
        <source>没有完整的手机号，不能发短信</source>
        <translation>No full mobile number, so no SMS can be sent</translation>
    </message>
    <message>
        <source>连不上短信网关（可能没有网络）</source>
        <translation>Cannot reach the SMS gateway (perhaps no network)</translation>
    </message>
    <message>
        <source>短信网关没有及时回答</source>
        <translation>The SMS gateway did not answer in time</translation>
    </message>
    <message>
        <source>短信网关暂时不可用（HTTP {status}）</source>
        <translation>The SMS gateway is temporarily unavailable (HTTP {status})</translation>
    </message>
    <message>
        <source>短信网关的回答不对（HTTP {status}），可能被上网认证页拦截</source>
        <translation>Unexpected answer from the SMS gateway (HTTP {status}); a network login page may be in the way</translation>
    </message>
    <message>
        <source>短信网关拒绝了请求（HTTP {status}），请检查地址和密钥</source>
        <translation>The SMS gateway refused the request (HTTP {status}); check its address and key</translation>
    </message>
    <message>
        <source>短信网关的回答看不懂，可能被上网认证页拦截</source>
        <translation>The SMS gateway&apos;s answer could not be read; a network login page may be in the way</translation>
    </message>
    <message>
        <source>短信网关报错：{code} {detail}</source>
        <translation>The SMS gateway reported an error: {code} {detail}</translation>
    </message>
    <message>
        <source>请先选择要取走的包裹。</source>
        <translation>First choose the parcels being picked up.</translation>
    </message>
    <message>
        <source>单号{tracking}已于{when}由{operator}办理取件，不能重复取件。</source>
        <translation>Tracking no. {tracking} was picked up on {when}, handled by {operator}; it cannot be picked up twice.</translation>
    </message>
    <message>
        <source>单号{tracking}已退回快递公司，不在货架上。</source>
        <translation>Tracking no. {tracking} was returned to the courier and is not on the shelf.</translation>
    </message>
    <message>
        <source>扫的单号{scanned}和要取的包裹{tracking}不一致，请核对。</source>
        <translation>The scanned number {scanned} does not match the parcel {tracking}; please check.</translation>
    </message>
    <message>
        <source>找不到这个包裹。</source>
        <translation>Parcel not found.</translation>
    </message>
    <message>
        <source>电话格式不认识。可以输入11位手机号、后4位、隐私面单上的“138****1234”，或虚拟号加分机“17012345678转1234”。</source>
        <translation>Phone not recognised. Enter an 11-digit mobile, its last 4 digits, “138****1234” as on privacy waybills, or a virtual number with extension “17012345678转1234”.</translation>
    </message>
    <message>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>超期未取</source>
        <translation>Not collected in time</translation>
    </message>
    <message>
        <source>错投</source>
        <translation>Misdelivered</translation>
    </message>
    <message>
        <source>破损</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>请选择退件原因。</source>
        <translation>Choose a reason for the return.</translation>
    </message>
    <message>
        <source>退件原因选“其他”时请写明情况。</source>
        <translation>When the reason is “Other”, please describe it.</translation>
    </message>
    <message>
        <source>这个包裹不在货架上，不能退件。</source>
        <translation>This parcel is not on the shelf, so it cannot be returned.</translation>
    </message>
    <message>
        <source>请填写收件人所在的城市。</source>
        <translation>Enter the recipient&apos;s city.</translation>
    </message>
    <message>
        <source>请填写收件人的详细地址。</source>
        <translation>Enter the recipient&apos;s full address.</translation>
    </message>
    <message>
        <source>请填写收件人姓名。</source>
        <translation>Enter the recipient&apos;s name.</translation>
    </message>
    <message>
        <source>寄件要填收件人完整的11位手机号。</source>
        <translation>Sending needs the recipient&apos;s full 11-digit mobile number.</translation>
    </message>
    <message>
        <source>请填写寄件人姓名。</source>
        <translation>Enter the sender&apos;s name.</translation>
    </message>
    <message>
        <source>寄件要填寄件人完整的11位手机号。</source>
        <translation>Sending needs the sender&apos;s full 11-digit mobile number.</translation>
    </message>
    <message>
        <source>“{text}…”太长了，最多{limit}个字。</source>
        <translation>“{text}…” is too long; at most {limit} characters.</translation>
    </message>
    <message>
        <source>付款方式只能是现金、微信、支付宝、银行卡或赊账。</source>
        <translation>Payment must be cash, WeChat, Alipay, bank card or on account.</translation>
    </message>
    <message>
        <source>这件已于{when}由{operator}交给快递员揽收（单号{tracking}）。</source>
        <translation>This shipment was handed to the courier on {when} by {operator} (tracking no. {tracking}).</translation>
    </message>
    <message>
        <source>这件已于{when}由{operator}取消寄件。</source>
        <translation>This shipment was cancelled on {when} by {operator}.</translation>
    </message>
    <message>
        <source>单号{tracking}已用于另一件寄件（{when}揽收），请核对快递员给的单号。</source>
        <translation>Tracking no. {tracking} is already used by another shipment (collected {when}); check the number the courier gave.</translation>
    </message>
    <message>
        <source>取消寄件必须写明原因。</source>
        <translation>Cancelling a shipment needs a reason.</translation>
    </message>
    <message>
        <source>找不到这件寄件。</source>
        <translation>Shipment not found.</translation>
    </message>
    <message>
        <source>没有编号为“{shelf}”的货架。</source>
        <translation>There is no shelf “{shelf}”.</translation>
    </message>
    <message>
        <source>{shelf}号货架只有{tiers}层。</source>
        <translation>Shelf {shelf} has only {tiers} tiers.</translation>
    </message>
    <message>
        <source>今天的取件码已经用完（{limit}个），请先清理货架。</source>
        <translation>Today&apos;s pickup codes are used up ({limit}); please clear the shelves first.</translation>
    </message>
    <message>
        <source>请先称重：寄件重量必须大于0。</source>
        <translation>Weigh it first: the weight must be more than 0.</translation>
    </message>
    <message>
        <source>{courier}单件最重{limit}，这件{weight}，请分成几件寄。</source>
        <translation>{courier} takes at most {limit} per parcel; this one is {weight}. Please send it as several parcels.</translation>
    </message>
    <message>
        <source>资费表里没有这个快递公司：{code}</source>
        <translation>This courier is not in the tariff table: {code}</translation>
    </message>
    <message>
        <source>请选择收件人所在的省份。</source>
        <translation>Choose the recipient&apos;s province.</translation>
    </message>
    <message>
        <source>没有这个省份：{province}</source>
        <translation>No such province: {province}</translation>
    </message>
    <message>
        <source>本站暂不办理寄往{province}的快递。</source>
        <translation>This station does not send parcels to {province} yet.</translation>
    </message>
    <message>
        <source>寄件资费表有误：{detail}</source>
        <translation>The sending tariff table is faulty: {detail}</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
</context>
<context>
    <name>parcels</name>
    <message>
        <source>在架</source>
        <translation>On shelf</translation>
    </message>
    <message>
        <source>已取走</source>
        <translation>Picked up</translation>
    </message>
    <message>
        <source>已退件</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>{shelf}号货架第{tier}层</source>
        <translation>Shelf {shelf}, tier {tier}</translation>
    </message>
    <message>
        <source>取件码</source>
        <translation>Pickup code</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>入库时间</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>取</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>待扫码核对</source>
        <translation>Scan to check</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>站长</source>
        <translation>Keeper</translation>
    </message>
    <message>
        <source>店员</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>村级服务站</source>
        <translation>Village station</translation>
    </message>
    <message>
        <source>乡镇服务站</source>
        <translation>Township station</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month}-{day}</translation>
    </message>
    <message>
        <source>建立服务站</source>
        <translation>Station created</translation>
    </message>
    <message>
        <source>添加操作员</source>
        <translation>Operator added</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <source>启用账号</source>
        <translation>Account reactivated</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <source>作废记录</source>
        <translation>Entry voided</translation>
    </message>
</context>
</TS>
