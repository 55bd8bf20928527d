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
    <name>ArriveDialog</name>
    <message>
        <source>货已到站</source>
        <translation>Goods arrived</translation>
    </message>
    <message>
        <source>确认这单的货已经到了服务站？</source>
        <translation>Confirm that the goods for this order have arrived at the station?</translation>
    </message>
</context>
<context>
    <name>BalancesTab</name>
    <message>
        <source>姓名或手机后4位，回车查找；空着回车看所有未完成的</source>
        <translation>Name or last 4 phone digits, Enter to search; Enter on empty lists all open ones</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>村民</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>在站订金</source>
        <translation>Deposits held</translation>
    </message>
    <message>
        <source>待收尾款</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>累计已付</source>
        <translation>Paid in total</translation>
    </message>
    <message>
        <source>累计退款</source>
        <translation>Refunded in total</translation>
    </message>
    <message>
        <source>这位村民的订单</source>
        <translation>This villager&apos;s orders</translation>
    </message>
    <message>
        <source>没有找到这位村民的代购订单。</source>
        <translation>No agent orders found for this villager.</translation>
    </message>
    <message>
        <source>{name}：站里收着订金 {held}，交货时还要收 {due}；累计付了 {paid}，退回 {refunded}，净付 {net}。</source>
        <translation>{name}: the station holds deposits of {held} and collects {due} more on delivery; paid {paid} in all, {refunded} refunded, {net} net.</translation>
    </message>
</context>
<context>
    <name>BatchBar</name>
    <message>
        <source>自动识别</source>
        <translation>Recognise automatically</translation>
    </message>
    <message>
        <source>入库后打印标签</source>
        <translation>Print a label after check-in</translation>
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
    <name>BillForm</name>
    <message>
        <source>如 100 或 58.60</source>
        <translation>e.g. 100 or 58.60</translation>
    </message>
    <message>
        <source>记录并收款 (Ctrl+回车)</source>
        <translation>Record and take payment (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>缴费项目</source>
        <translation>Biller</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>收款方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>填好金额，应收自动算出。</source>
        <translation>Fill in the amount and the total due is worked out.</translation>
    </message>
</context>
<context>
    <name>BillsPage</name>
    <message>
        <source>缴费</source>
        <translation>Bill payments</translation>
    </message>
    <message>
        <source>户号后4位，回车查找</source>
        <translation>Last 4 digits of the account no., Enter to search</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>成功…</source>
        <translation>Succeeded…</translation>
    </message>
    <message>
        <source>失败退款…</source>
        <translation>Failed, refund…</translation>
    </message>
    <message>
        <source>复制户号</source>
        <translation>Copy account no.</translation>
    </message>
    <message>
        <source>凭条…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收款时间</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <source>缴费项目</source>
        <translation>Biller</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>应收</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>回执号 / 原因</source>
        <translation>Reference / reason</translation>
    </message>
    <message>
        <source>收款人</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <source>尾号{tail}的缴费</source>
        <translation>Payments for account numbers ending {tail}</translation>
    </message>
    <message>
        <source>今日缴费（未办结的排在最前）</source>
        <translation>Today&apos;s bill payments (open ones first)</translation>
    </message>
    <message>
        <source>未办结：处理中 {submitted} 笔，待缴 {recorded} 笔。村民的钱还没有结果，查到缴费单位的结果后请点“成功”或“失败退款”。</source>
        <translation>Open: {submitted} processing, {recorded} to pay. The villagers&apos; money has no result yet; once the biller shows the result, press “Succeeded” or “Failed, refund”.</translation>
    </message>
    <message>
        <source>已收款 {total}（{method}）：{biller} {account}。请到缴费单位的网站或App缴费，缴完点“处理中”。</source>
        <translation>Took {total} ({method}): {biller} {account}. Pay it on the biller&apos;s website or app, then press “Processing”.</translation>
    </message>
    <message>
        <source>已标记处理中：{what}。有结果后点“成功”或“失败退款”。</source>
        <translation>Marked as processing: {what}. Once there is a result, press “Succeeded” or “Failed, refund”.</translation>
    </message>
    <message>
        <source>缴费成功：{what}，回执号{reference}。可以打印凭条给村民。</source>
        <translation>Payment succeeded: {what}, reference {reference}. You can print the receipt for the villager.</translation>
    </message>
    <message>
        <source>已标记失败：{what}。请把{total}退还给村民（{method}）。</source>
        <translation>Marked as failed: {what}. Refund {total} to the villager ({method}).</translation>
    </message>
    <message>
        <source>已复制{account}的完整号码，可以粘贴到缴费单位的网站或App。</source>
        <translation>Copied the full number of {account}; paste it into the biller&apos;s website or app.</translation>
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
    <name>CameraView</name>
    <message>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>打开或关闭摄像头扫码</source>
        <translation>Turn camera scanning on or off</translation>
    </message>
    <message>
        <source>把面单条码对准镜头，绿框表示已识别。</source>
        <translation>Hold the waybill barcode to the lens; a green frame means it was read.</translation>
    </message>
    <message>
        <source>正在打开摄像头…</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <source>识别到：{code}</source>
        <translation>Read: {code}</translation>
    </message>
    <message>
        <source>{code} 是商品条码，不是快递单号。</source>
        <translation>{code} is a product barcode, not a waybill.</translation>
    </message>
    <message>
        <source>没有画面</source>
        <translation>No picture</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>取消寄件</source>
        <translation>Cancel shipment</translation>
    </message>
    <message>
        <source>{courier}，寄往{where}，收件人{name}，运费{fee}元</source>
        <translation>{courier}, to {where}, recipient {name}, fee {fee} yuan</translation>
    </message>
    <message>
        <source>必填，如：寄件人不寄了</source>
        <translation>Required, e.g. the sender changed their mind</translation>
    </message>
    <message>
        <source>取消原因</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>运费要退还给寄件人。</source>
        <translation>The fee must be refunded to the sender.</translation>
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
        <source>代购订单 {number}（{name}）已到站，应收尾款 {due}</source>
        <translation>Agent order {number} ({name}) has arrived; balance due {due}</translation>
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
        <source>此件已于{when}入库，后来盘点时记为丢失，确实要重新入库吗？</source>
        <translation>This parcel was checked in on {when} and later recorded lost in a stocktake. Check it in again?</translation>
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
    <name>DayClosePage</name>
    <message>
        <source>相符</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>长款 {amount}</source>
        <translation>Over by {amount}</translation>
    </message>
    <message>
        <source>短款 {amount}</source>
        <translation>Short by {amount}</translation>
    </message>
    <message>
        <source>清点金额</source>
        <translation>Counted amount</translation>
    </message>
    <message>
        <source>金额写法不对</source>
        <translation>Not an amount</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day close</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>笔数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>零钱收入…</source>
        <translation>Petty cash in…</translation>
    </message>
    <message>
        <source>零钱支出…</source>
        <translation>Petty cash out…</translation>
    </message>
    <message>
        <source>长款、短款的原因，或要交代的事</source>
        <translation>Why it is over or short, or anything to hand over</translation>
    </message>
    <message>
        <source>只有站长可以日结。</source>
        <translation>Only a keeper can close the day.</translation>
    </message>
    <message>
        <source>还没有结果的缴费</source>
        <translation>Bill payments without a result</translation>
    </message>
    <message>
        <source>已逐笔核对，转入下一天</source>
        <translation>Checked one by one; carry them over to the next day</translation>
    </message>
    <message>
        <source>营业日</source>
        <translation>Business day</translation>
    </message>
    <message>
        <source>日结时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <source>日结人</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>应有合计</source>
        <translation>Expected total</translation>
    </message>
    <message>
        <source>清点合计</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <source>长短款</source>
        <translation>Over / short</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>重打日结单</source>
        <translation>Reprint day close report</translation>
    </message>
    <message>
        <source>本期收付</source>
        <translation>Money in and out this period</translation>
    </message>
    <message>
        <source>清点钱箱</source>
        <translation>Count the drawer</translation>
    </message>
    <message>
        <source>应有</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>清点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>历次日结</source>
        <translation>Earlier day closes</translation>
    </message>
    <message>
        <source>期初现金（上次日结清点）：{amount}</source>
        <translation>Opening cash (counted at the last close): {amount}</translation>
    </message>
    <message>
        <source>营业日 {day}。还没有日结过，开始使用以来共 {count} 笔收付。</source>
        <translation>Business day {day}. Never closed yet: {count} movements since the start.</translation>
    </message>
    <message>
        <source>营业日 {day}。上次日结以来共 {count} 笔收付。</source>
        <translation>Business day {day}. {count} movements since the last close.</translation>
    </message>
    <message>
        <source>今天已经日结过了（{operator}，{time}）。之后的收付计入下次日结。</source>
        <translation>Today is already closed ({operator}, {time}). Later movements go into the next close.</translation>
    </message>
    <message>
        <source>请先在下面的列表里选一次日结。</source>
        <translation>First select a day close in the list below.</translation>
    </message>
    <message>
        <source>日结完成（营业日 {day}）。{details}</source>
        <translation>Day closed (business day {day}). {details}</translation>
    </message>
</context>
<context>
    <name>DayPriceDialog</name>
    <message>
        <source>设定今天的收购价</source>
        <translation>Set today&apos;s purchase price</translation>
    </message>
    <message>
        <source>现在：{price}</source>
        <translation>Now: {price}</translation>
    </message>
    <message>
        <source>现在：今天没有价格</source>
        <translation>Now: no price today</translation>
    </message>
    <message>
        <source>如 3.5</source>
        <translation>e.g. 3.5</translation>
    </message>
    <message>
        <source>元/{unit}</source>
        <translation>yuan/{unit}</translation>
    </message>
    <message>
        <source>只对今天有效。已经收购的单子还按原来的价格，不会改变。</source>
        <translation>Valid for today only. Purchases already made keep their original price.</translation>
    </message>
    <message>
        <source>收购价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>找到了 (F5)</source>
        <translation>Found (F5)</translation>
    </message>
    <message>
        <source>丢失 (F6)</source>
        <translation>Lost (F6)</translation>
    </message>
    <message>
        <source>已归位 (F7)</source>
        <translation>Put back (F7)</translation>
    </message>
    <message>
        <source>改登记 (F8)</source>
        <translation>Re-register (F8)</translation>
    </message>
    <message>
        <source>入库 (F9)</source>
        <translation>Check in (F9)</translation>
    </message>
    <message>
        <source>放一边 (F10)</source>
        <translation>Set aside (F10)</translation>
    </message>
    <message>
        <source>电话（入库用）</source>
        <translation>Phone (for check-in)</translation>
    </message>
</context>
<context>
    <name>DeductionField</name>
    <message>
        <source>按标准扣 {percent}</source>
        <translation>Standard: {percent}</translation>
    </message>
    <message>
        <source>填测得的数，自动按标准扣</source>
        <translation>Enter the measured value; deducted by the standard</translation>
    </message>
</context>
<context>
    <name>DeliverDialog</name>
    <message>
        <source>收款交付</source>
        <translation>Collect and hand over</translation>
    </message>
    <message>
        <source>总价 {total} − 订金 {deposit} = 应收尾款 &lt;b&gt;{due}&lt;/b&gt;</source>
        <translation>Total {total} − deposit {deposit} = balance due &lt;b&gt;{due}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>收款方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>订金已付清全款，不用再收钱。</source>
        <translation>The deposit covered the full price; nothing more to collect.</translation>
    </message>
    <message>
        <source>包裹（取件码 {code}）会一起出库。</source>
        <translation>The parcel (pickup code {code}) is picked up at the same time.</translation>
    </message>
</context>
<context>
    <name>DispatchPane</name>
    <message>
        <source>线路</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>待发件数</source>
        <translation>To dispatch</translation>
    </message>
    <message>
        <source>生成交接单 (F8)</source>
        <translation>Make manifest (F8)</translation>
    </message>
    <message>
        <source>交接单号</source>
        <translation>Manifest no.</translation>
    </message>
    <message>
        <source>接收站</source>
        <translation>Receiving station</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>发出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>打印交接单 (Ctrl+P)</source>
        <translation>Print manifest (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出文件给村站… (Ctrl+S)</source>
        <translation>Export file for the village station… (Ctrl+S)</translation>
    </message>
    <message>
        <source>待发（已分拣、未发出）</source>
        <translation>To dispatch (sorted, not yet sent)</translation>
    </message>
    <message>
        <source>已发交接单（最新的在最上面）</source>
        <translation>Manifests sent (newest first)</translation>
    </message>
    <message>
        <source>还有 {count} 件已收未分拣。</source>
        <translation>{count} received parcels are not sorted yet.</translation>
    </message>
    <message>
        <source>请先在左边选中要发的村。</source>
        <translation>First select the village to dispatch to on the left.</translation>
    </message>
    <message>
        <source>已生成交接单 {number}：{village} {count} 件。按 Ctrl+P 打印，Ctrl+S 导出。</source>
        <translation>Manifest {number} made: {village}, {count} parcels. Ctrl+P prints it, Ctrl+S exports it.</translation>
    </message>
    <message>
        <source>已生成打印文件：{path}</source>
        <translation>Print file made: {path}</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>请先在右边选中一张交接单。</source>
        <translation>First select a manifest on the right.</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>接入县服务中心</source>
        <translation>Enrol with the county centre</translation>
    </message>
    <message>
        <source>填写县服务中心给的地址和登记码，或用扫码枪扫县服务中心给的登记二维码。接入后，台账在联网时自动上传。</source>
        <translation>Enter the address and enrolment code the county centre gave you, or scan its enrolment QR code. Once enrolled, the ledger uploads whenever there is a connection.</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8640</source>
        <translation>e.g. http://192.168.1.10:8640</translation>
    </message>
    <message>
        <source>例如 ABCD-EFGH-JKMN-PQRS</source>
        <translation>e.g. ABCD-EFGH-JKMN-PQRS</translation>
    </message>
    <message>
        <source>只有站长可以接入县服务中心。</source>
        <translation>Only the keeper can enrol with the county centre.</translation>
    </message>
    <message>
        <source>接入</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>县服务中心地址</source>
        <translation>County centre address</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>已读到扫码内容，请补全另一项后点「接入」。</source>
        <translation>Scan read; fill in the other field and press “Enrol”.</translation>
    </message>
    <message>
        <source>正在连接县服务中心……</source>
        <translation>Connecting to the county centre…</translation>
    </message>
    <message>
        <source>已接入县服务中心，本站编号 {code}。台账会在联网时自动上传。</source>
        <translation>Enrolled with the county centre as station {code}. The ledger uploads whenever there is a connection.</translation>
    </message>
    <message>
        <source>连不上县服务中心。请检查地址是否写对、电脑是否联网，再点「接入」。</source>
        <translation>Cannot reach the county centre. Check the address and the network, then press “Enrol” again.</translation>
    </message>
    <message>
        <source>接入没有成功：程序出错（{kind}）。请联系县服务中心。</source>
        <translation>Enrolment failed: program error ({kind}). Please contact the county centre.</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>第三步：接入县服务中心（可以跳过）</source>
        <translation>Step 3: Connect to the county service centre (optional)</translation>
    </message>
    <message>
        <source>有县服务中心给的登记码，现在就可以接入；没有的话直接点「完成设置」，以后在「同步」页接入。没接入时台账照常记在本机。</source>
        <translation>If you have an enrolment code from the county service centre, you can connect now; otherwise just click &quot;Finish&quot; and connect later on the Sync page. Until then the ledger is kept on this PC as usual.</translation>
    </message>
    <message>
        <source>接入并完成</source>
        <translation>Connect and finish</translation>
    </message>
    <message>
        <source>请把地址和登记码都填上再接入；要跳过，请把两项都清空。</source>
        <translation>Fill in both the address and the code to connect; to skip, clear both.</translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <source>缴费失败，退款</source>
        <translation>Payment failed: refund</translation>
    </message>
    <message>
        <source>必填，如：户号已销户、系统提示缴费失败</source>
        <translation>Required, e.g. account closed, the system said the payment failed</translation>
    </message>
    <message>
        <source>要退还给村民 {total}（{method}）。</source>
        <translation>Refund {total} to the villager ({method}).</translation>
    </message>
    <message>
        <source>失败原因</source>
        <translation>Reason for failure</translation>
    </message>
</context>
<context>
    <name>FarmerDialog</name>
    <message>
        <source>新增农户</source>
        <translation>New farmer</translation>
    </message>
    <message>
        <source>修改农户</source>
        <translation>Edit farmer</translation>
    </message>
    <message>
        <source>如：张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <source>11位手机号，没有可不填</source>
        <translation>11-digit mobile; optional</translation>
    </message>
    <message>
        <source>收购单上只印后4位。</source>
        <translation>Only the last 4 digits are printed on the slip.</translation>
    </message>
    <message>
        <source>12位数字</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>统计用区划代码，本村已填好；外村农户改最后3位。</source>
        <translation>Division code for statistics, preset to this village; for other villages change the last 3 digits.</translation>
    </message>
    <message>
        <source>18位身份证号，帮扶登记需要时填</source>
        <translation>18-digit ID number, when assistance records need it</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>村（区划代码）</source>
        <translation>Village (division code)</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>收款方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>回车到下一项，Ctrl+回车保存。</source>
        <translation>Enter moves to the next field; Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>手机号 {masked}</source>
        <translation>Mobile {masked}</translation>
    </message>
    <message>
        <source>身份证号 {masked}</source>
        <translation>ID number {masked}</translation>
    </message>
    <message>
        <source>已登记{kept}：空着不变，要改才重新输入完整号码。</source>
        <translation>On file: {kept}. Leave empty to keep; to change, enter the full number.</translation>
    </message>
</context>
<context>
    <name>FarmerPicker</name>
    <message>
        <source>农户姓名、拼音首字母（如 zs）或手机后4位</source>
        <translation>Farmer name, pinyin initials (e.g. zs) or last 4 phone digits</translation>
    </message>
</context>
<context>
    <name>FarmersTab</name>
    <message>
        <source>找农户：姓名、拼音首字母（如 zs）或手机后4位；空着显示最近登记的</source>
        <translation>Find farmer: name, pinyin initials (e.g. zs) or last 4 phone digits; empty shows the latest</translation>
    </message>
    <message>
        <source>新增农户…</source>
        <translation>New farmer…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>收款方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>欠农户</source>
        <translation>Owed</translation>
    </message>
    <message>
        <source>（待补填姓名）</source>
        <translation>(name missing)</translation>
    </message>
    <message>
        <source>没有找到“{text}”。新农户请点“新增农户”。</source>
        <translation>No match for “{text}”. For a new farmer, press “New farmer”.</translation>
    </message>
    <message>
        <source>找到 {count} 位农户。</source>
        <translation>Found {count} farmers.</translation>
    </message>
    <message>
        <source>最近登记的 {count} 位农户。</source>
        <translation>Latest {count} farmers registered.</translation>
    </message>
    <message>
        <source>已登记农户 {name}。</source>
        <translation>Farmer {name} registered.</translation>
    </message>
    <message>
        <source>请先在列表里选中一位农户。</source>
        <translation>First select a farmer in the list.</translation>
    </message>
    <message>
        <source>已保存农户 {name} 的修改。</source>
        <translation>Changes to farmer {name} saved.</translation>
    </message>
    <message>
        <source>户类型还没填，收购前要补上。</source>
        <translation>Household type not set; fill it in before buying.</translation>
    </message>
</context>
<context>
    <name>FeePanel</name>
    <message>
        <source>运费 {fee}元</source>
        <translation>Fee {fee} yuan</translation>
    </message>
    <message>
        <source>寄往{province}（{zone}），{weight}按{billable}计费</source>
        <translation>To {province} ({zone}); {weight} charged as {billable}</translation>
    </message>
    <message>
        <source>首重 {weight} {fee}元</source>
        <translation>First {weight} {fee} yuan</translation>
    </message>
    <message>
        <source>续重 {weight} × {fee}元</source>
        <translation>Additional {weight} × {fee} yuan</translation>
    </message>
    <message>
        <source>续重 {weight}（每{step} {fee}元）</source>
        <translation>Additional {weight} ({fee} yuan per {step})</translation>
    </message>
    <message>
        <source>运费 —</source>
        <translation>Fee —</translation>
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
    <name>GiveBackDialog</name>
    <message>
        <source>必填，如：村民不要了、商品有问题</source>
        <translation>Required, e.g. the villager changed their mind, the goods are faulty</translation>
    </message>
    <message>
        <source>最多 {most}</source>
        <translation>At most {most}</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>退给村民（元）</source>
        <translation>Refund to villager (yuan)</translation>
    </message>
    <message>
        <source>退款方式</source>
        <translation>Refund method</translation>
    </message>
    <message>
        <source>村民已付 {paid}。</source>
        <translation>The villager has paid {paid}.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>欢迎使用村级电商服务站软件</source>
        <translation>Welcome to Village Station</translation>
    </message>
    <message>
        <source>请选择这台电脑的情况。</source>
        <translation>What is this PC for?</translation>
    </message>
    <message>
        <source>新服务站：第一次使用本软件</source>
        <translation>A new station: using this software for the first time</translation>
    </message>
    <message>
        <source>接替已有服务站：换了电脑、重装了系统，本站以前接入过县服务中心</source>
        <translation>Take over an existing station: a new PC or a reinstalled system, and the station was connected to the county before</translation>
    </message>
    <message>
        <source>接替已有服务站时，本站的台账会从县服务中心取回，不会从头开始。需要县服务中心重新生成的登记码。</source>
        <translation>When taking over, the station&apos;s ledger is fetched back from the county service centre; nothing starts from scratch. You need a new enrolment code from the county.</translation>
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
    <name>LabelBar</name>
    <message>
        <source>补打标签 (Ctrl+P)</source>
        <translation>Reprint label (Ctrl+P)</translation>
    </message>
    <message>
        <source>先在下面的列表里选中要补打的一件。</source>
        <translation>First select the parcel to reprint in the list below.</translation>
    </message>
    <message>
        <source>打印出错</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>已打印标签：{code}</source>
        <translation>Label printed: {code}</translation>
    </message>
    <message>
        <source>没有找到打印机：标签没有打印，入库照常。</source>
        <translation>No printer found: the label was not printed; the check-in went ahead.</translation>
    </message>
    <message>
        <source>取件码 {code} 的标签没有打印（{reason}），入库照常；可按 Ctrl+P 补打。</source>
        <translation>The label for pickup code {code} was not printed ({reason}); the check-in went ahead. Press Ctrl+P to reprint.</translation>
    </message>
    <message>
        <source>{reason}（这次照此执行，但不会记住）</source>
        <translation>{reason} (applied this time, but not remembered)</translation>
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
    <name>LotsTab</name>
    <message>
        <source>溯源码</source>
        <translation>Trace code</translation>
    </message>
    <message>
        <source>品种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>在站重量</source>
        <translation>At station</translation>
    </message>
    <message>
        <source>收购笔数</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>拆自批次</source>
        <translation>Split from</translation>
    </message>
    <message>
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <source>发运…</source>
        <translation>Ship…</translation>
    </message>
    <message>
        <source>打印标签</source>
        <translation>Print label</translation>
    </message>
    <message>
        <source>溯源查询</source>
        <translation>Trace lookup</translation>
    </message>
    <message>
        <source>输入或扫描溯源码，如 7K3M9-Q2X4P，回车查询</source>
        <translation>Type or scan a trace code, e.g. 7K3M9-Q2X4P, and press Enter</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>买家或县里问货的来源时，输入或扫描标签上的溯源码。</source>
        <translation>When a buyer or the county asks where goods came from, type or scan the trace code on the label.</translation>
    </message>
    <message>
        <source>站里没有批次：收购时会按品种和等级自动建批次。</source>
        <translation>No lots at the station: buying creates lots by product and grade automatically.</translation>
    </message>
    <message>
        <source>待发运</source>
        <translation>To ship</translation>
    </message>
    <message>
        <source>{status}（{to}）</source>
        <translation>{status} ({to})</translation>
    </message>
    <message>
        <source>请先在列表里选中一个批次。</source>
        <translation>First select a lot in the list.</translation>
    </message>
    <message>
        <source>已拆出 {count} 个新批次：{codes}。请给每份打印标签。</source>
        <translation>Split into {count} new lots: {codes}. Print a label for each.</translation>
    </message>
    <message>
        <source>批次 {code} 已发运 {weight} 到 {to}。</source>
        <translation>Lot {code}: {weight} shipped to {to}.</translation>
    </message>
    <message>
        <source>批次 {code} 的标签：{message}</source>
        <translation>Label for lot {code}: {message}</translation>
    </message>
    <message>
        <source>请输入或扫描溯源码。</source>
        <translation>Type or scan a trace code.</translation>
    </message>
    <message>
        <source>没有这个溯源码：{code}。请核对标签上的10位码。</source>
        <translation>No such trace code: {code}. Check the 10 characters on the label.</translation>
    </message>
    <message>
        <source>批次 {code}：{product} {grade}，{day}；{farmers} 户农户，{count} 笔收购，共 {weight}。</source>
        <translation>Lot {code}: {product} {grade}, {day}; {farmers} farmers, {count} purchases, {weight} in all.</translation>
    </message>
    <message>
        <source>农户和收购（{count} 笔）</source>
        <translation>Farmers and purchases ({count})</translation>
    </message>
    <message>
        <source>{farmer}（{village}）→ {number}&#x3000;{day}&#x3000;{grade}&#x3000;{weight}&#x3000;入批次 {lot}</source>
        <translation>{farmer} ({village}) → {number}  {day}  {grade}  {weight}  into lot {lot}</translation>
    </message>
    <message>
        <source>（没有收购记录）</source>
        <translation>(no purchases)</translation>
    </message>
    <message>
        <source>拆自批次 {code}（{day}）</source>
        <translation>Split from lot {code} ({day})</translation>
    </message>
    <message>
        <source>本批次 {code}：{status}，在站 {held}</source>
        <translation>This lot {code}: {status}, {held} at station</translation>
    </message>
    <message>
        <source>拆出批次 {code}：{weight}，{status}</source>
        <translation>Split-off lot {code}: {weight}, {status}</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>发运</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>批次 {code} → {to}&#x3000;{day}&#x3000;{weight}</source>
        <translation>Lot {code} → {to}  {day}  {weight}</translation>
    </message>
    <message>
        <source>还没有发运</source>
        <translation>Not shipped yet</translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}: {name}</translation>
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
    <name>ManifestsTab</name>
    <message>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>交接单 / 到货清单 (*.json)</source>
        <translation>Manifests / arrival lists (*.json)</translation>
    </message>
    <message>
        <source>选择导出到哪里（如U盘）</source>
        <translation>Choose where to export to (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>收包分拣</source>
        <translation>Receive and sort</translation>
    </message>
    <message>
        <source>发交接单</source>
        <translation>Dispatch manifests</translation>
    </message>
    <message>
        <source>线路表</source>
        <translation>Routes</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsTab</name>
    <message>
        <source>短信网关（自动发短信）</source>
        <translation>SMS gateway (texts sent automatically)</translation>
    </message>
    <message>
        <source>打印清单（贴在店门口）</source>
        <translation>Printed list (posted at the shop door)</translation>
    </message>
    <message>
        <source>复制到剪贴板（发到微信群）</source>
        <translation>Copy to clipboard (for a WeChat group)</translation>
    </message>
    <message>
        <source>不需要</source>
        <translation>None</translation>
    </message>
    <message>
        <source>请求头里的密钥</source>
        <translation>Key in a request header</translation>
    </message>
    <message>
        <source>用户名和密码（Basic）</source>
        <translation>User name and password (Basic)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>表单（form）</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>发送测试短信</source>
        <translation>Send a test SMS</translation>
    </message>
    <message>
        <source>通知方式</source>
        <translation>How to notify</translation>
    </message>
    <message>
        <source>短信网关</source>
        <translation>SMS gateway</translation>
    </message>
    <message>
        <source>网关地址</source>
        <translation>Gateway URL</translation>
    </message>
    <message>
        <source>验证方式</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>密钥或密码</source>
        <translation>Key or password</translation>
    </message>
    <message>
        <source>请求格式</source>
        <translation>Request format</translation>
    </message>
    <message>
        <source>可用 {phone} 手机号、{text} 短信内容、{key} 密钥</source>
        <translation>Use {phone} for the number, {text} for the message, {key} for the key</translation>
    </message>
    <message>
        <source>请求模板</source>
        <translation>Request template</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>等于</source>
        <translation>equals</translation>
    </message>
    <message>
        <source>或回答中有</source>
        <translation>or the answer contains</translation>
    </message>
    <message>
        <source>网关回答里表示发送成功的字段和值（例如 code 等于 0），或一段固定文字</source>
        <translation>The field and value in the gateway&apos;s answer that mean success (e.g. code equals 0), or a fixed text</translation>
    </message>
    <message>
        <source>成功标志</source>
        <translation>Success marker</translation>
    </message>
    <message>
        <source>测试</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>用屏幕上的设置（不用先保存）给这个号码发一条测试短信：</source>
        <translation>Send a test SMS to this number with the settings on screen (no need to save first):</translation>
    </message>
    <message>
        <source>村民收到的短信</source>
        <translation>The SMS villagers receive</translation>
    </message>
    <message>
        <source>{masked}（已保存，不改就留空）</source>
        <translation>{masked} (saved; leave empty to keep it)</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>通知设置已保存。</source>
        <translation>Notification settings saved.</translation>
    </message>
    <message>
        <source>正在发送测试短信……</source>
        <translation>Sending the test SMS…</translation>
    </message>
    <message>
        <source>测试短信已发出，网关确认收到。请看手机是否收到。</source>
        <translation>Test SMS sent and acknowledged by the gateway. Check that the phone received it.</translation>
    </message>
    <message>
        <source>测试短信没有发出：{reason}</source>
        <translation>The test SMS was not sent: {reason}</translation>
    </message>
    <message>
        <source>测试短信没有发出：程序出错（{kind}）</source>
        <translation>The test SMS was not sent: program error ({kind})</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>请求头名称</source>
        <translation>Header name</translation>
    </message>
    <message>
        <source>例如 hjz001</source>
        <translation>e.g. hjz001</translation>
    </message>
    <message>
        <source>短信网关（当前不用，可先填好）</source>
        <translation>SMS gateway (not in use now; can be filled in ahead)</translation>
    </message>
</context>
<context>
    <name>NotificationsTab</name>
    <message>
        <source>取件码</source>
        <translation>Pickup code</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>最近问题</source>
        <translation>Last problem</translation>
    </message>
    <message>
        <source>还没有设置短信网关：请到“设置 → 通知”填写</source>
        <translation>No SMS gateway set up yet: fill it in under “Settings → Notifications”</translation>
    </message>
    <message>
        <source>只看未发出的</source>
        <translation>Unsent only</translation>
    </message>
    <message>
        <source>立即发送</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>重试选中的</source>
        <translation>Retry selected</translation>
    </message>
    <message>
        <source>打印通知单…</source>
        <translation>Print notices…</translation>
    </message>
    <message>
        <source>存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>复制到剪贴板</source>
        <translation>Copy to clipboard</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>正在发送……</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>刚才发送：成功 {sent}，稍后重试 {retrying}，失败 {failed}</source>
        <translation>Just sent: {sent} succeeded, {retrying} to retry, {failed} failed</translation>
    </message>
    <message>
        <source>待发短信 {sms} · 待打印 {printed} · 待复制 {copied} · 失败 {failed}</source>
        <translation>SMS to send {sms} · to print {printed} · to copy {copied} · failed {failed}</translation>
    </message>
    <message>
        <source>{status}（{time} 再试）</source>
        <translation>{status} (retry at {time})</translation>
    </message>
    <message>
        <source>请先选中状态为“失败”的通知。</source>
        <translation>First select notices whose status is “Failed”.</translation>
    </message>
    <message>
        <source>{count}条通知重新排队，马上再发。</source>
        <translation>{count} notices queued again; sending shortly.</translation>
    </message>
    <message>
        <source>没有要复制的通知（通知方式为“复制到剪贴板”的）。</source>
        <translation>No notices to copy (those whose channel is “Copy to clipboard”).</translation>
    </message>
    <message>
        <source>已复制{count}条通知，可以粘贴到微信群或短信里。</source>
        <translation>Copied {count} notices; paste them into a WeChat group or a text message.</translation>
    </message>
    <message>
        <source>存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 存不了：{detail}</source>
        <translation>The PDF could not be saved: {detail}</translation>
    </message>
    <message>
        <source>到件通知</source>
        <translation>Arrival notices</translation>
    </message>
    <message>
        <source>没有要打印的通知。</source>
        <translation>No notices to print.</translation>
    </message>
    <message>
        <source>打印机报错</source>
        <translation>Printer error</translation>
    </message>
    <message>
        <source>打印失败，这些通知稍后会再次列入清单。</source>
        <translation>Printing failed; these notices will be listed again later.</translation>
    </message>
    <message>
        <source>已打印{count}条通知。</source>
        <translation>Printed {count} notices.</translation>
    </message>
    <message>
        <source>共{count}件，请凭取件码到{station}取件，营业时间{hours}。</source>
        <translation>{count} parcels in all; collect them with the pickup code at {station}, open {hours}.</translation>
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
    <name>OrdersListTab</name>
    <message>
        <source>订单号 / 姓名 / 手机后4位 / 快递单号，回车查找</source>
        <translation>Order no. / name / last 4 phone digits / tracking no., Enter to search</translation>
    </message>
    <message>
        <source>只看未完成</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>已下单…</source>
        <translation>Mark ordered…</translation>
    </message>
    <message>
        <source>已发货…</source>
        <translation>Mark shipped…</translation>
    </message>
    <message>
        <source>已到站…</source>
        <translation>Mark arrived…</translation>
    </message>
    <message>
        <source>收款交付…</source>
        <translation>Collect and hand over…</translation>
    </message>
    <message>
        <source>取消订单…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <source>退款…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>打印小票…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <source>只有站长可以退钱给村民。</source>
        <translation>Only the keeper can refund a villager.</translation>
    </message>
    <message>
        <source>{name}（{platform}）{quantity} × {price}</source>
        <translation>{name} ({platform}) {quantity} × {price}</translation>
    </message>
    <message>
        <source>{number}&#x3000;{status}&#x3000;商品：{goods}</source>
        <translation>{number}  {status}  Goods: {goods}</translation>
    </message>
    <message>
        <source>商品 {items} + 服务费 {fee} = 总价 {total}；订金 {deposit}{method}；尾款 {due}</source>
        <translation>Goods {items} + service fee {fee} = total {total}; deposit {deposit}{method}; balance {due}</translation>
    </message>
    <message>
        <source>平台订单号 {number}</source>
        <translation>Platform order no. {number}</translation>
    </message>
    <message>
        <source>{status}原因：{reason}，退给村民 {amount}</source>
        <translation>{status}, reason: {reason}; {amount} refunded to the villager</translation>
    </message>
    <message>
        <source>请先在列表里选中一张订单。</source>
        <translation>First select an order in the list.</translation>
    </message>
    <message>
        <source>{number} 已下单。</source>
        <translation>{number} marked as ordered.</translation>
    </message>
    <message>
        <source>{number} 已到站，应收尾款 {due}，请通知村民来取。</source>
        <translation>{number} has arrived; balance due {due}. Tell the villager to come and collect it.</translation>
    </message>
    <message>
        <source>{number} 已改为“{status}”。</source>
        <translation>{number} is now “{status}”.</translation>
    </message>
    <message>
        <source>{number} 已交付，收尾款 {due}。可以打印交货单。</source>
        <translation>{number} handed over, balance of {due} collected. You can print the delivery slip.</translation>
    </message>
    <message>
        <source>取消订单</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>{number} {status}，退给村民 {amount}。</source>
        <translation>{number} {status}; {amount} refunded to the villager.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>商品名称</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单价（元）</source>
        <translation>Unit price (yuan)</translation>
    </message>
    <message>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>{first} 等{count}样</source>
        <translation>{first} and more ({count} items)</translation>
    </message>
    <message>
        <source>已收清</source>
        <translation>Paid in full</translation>
    </message>
    <message>
        <source>退{amount}</source>
        <translation>Refunded {amount}</translation>
    </message>
    <message>
        <source>取件码 {code}</source>
        <translation>Pickup code {code}</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>村民</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>总价</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>尾款</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>快递单号 / 取件码</source>
        <translation>Tracking no. / pickup code</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>代购</source>
        <translation>Agent orders</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>村民往来</source>
        <translation>Villager accounts</translation>
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
    <message>
        <source>寄件</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>通知</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>交接单</source>
        <translation>Manifests</translation>
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
    <name>PettyDialog</name>
    <message>
        <source>零钱收入</source>
        <translation>Petty cash in</translation>
    </message>
    <message>
        <source>零钱支出</source>
        <translation>Petty cash out</translation>
    </message>
    <message>
        <source>例如 50 或 12.50</source>
        <translation>e.g. 50 or 12.50</translation>
    </message>
    <message>
        <source>例如：备用零钱</source>
        <translation>e.g. change float</translation>
    </message>
    <message>
        <source>例如：买打印纸</source>
        <translation>e.g. printer paper</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>PhotoBar</name>
    <message>
        <source>拍照</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>拍一张取件照片，确认取件时和取件记录一起保存</source>
        <translation>Take a pickup photo; it is kept with the pickup record when confirmed</translation>
    </message>
    <message>
        <source>删除照片</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>摄像头还没有画面，请稍等再拍。</source>
        <translation>The camera has no picture yet; wait a moment and try again.</translation>
    </message>
    <message>
        <source>已拍照</source>
        <translation>Photo taken</translation>
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
        <source>此件已在盘点时记为丢失。</source>
        <translation>This parcel was recorded lost in a stocktake.</translation>
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
        <source>代购订单 {number} 已交付，收尾款 {due}</source>
        <translation>Agent order {number} handed over; balance of {due} collected</translation>
    </message>
    <message>
        <source>取件还没有办理：可以再按“确认取件”不带照片取件，或清理磁盘后重新拍照。</source>
        <translation>The pickup has not been done: press “Confirm pickup” again to hand over without the photo, or free disk space and take the photo again.</translation>
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
    <name>PlaceBar</name>
    <message>
        <source>正在盘点：货架</source>
        <translation>Counting: shelf</translation>
    </message>
    <message>
        <source>层</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>不指定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>{shelf}号</source>
        <translation>Shelf {shelf}</translation>
    </message>
    <message>
        <source>整个货架</source>
        <translation>Whole shelf</translation>
    </message>
    <message>
        <source>第{tier}层</source>
        <translation>Tier {tier}</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>已在平台下单</source>
        <translation>Ordered on the platform</translation>
    </message>
    <message>
        <source>平台订单详情里的订单号</source>
        <translation>The order number in the platform&apos;s order details</translation>
    </message>
    <message>
        <source>已经有快递单号就填</source>
        <translation>Fill in if there is already a tracking number</translation>
    </message>
    <message>
        <source>平台订单号</source>
        <translation>Platform order no.</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking no.</translation>
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
        <source>留空：用系统默认打印机</source>
        <translation>Leave empty to use the system&apos;s default printer</translation>
    </message>
    <message>
        <source>热敏小票打印机直连时填写，例如 tcp://192.168.1.50:9100 或 \\localhost\POS58</source>
        <translation>For a thermal receipt printer connected directly, e.g. tcp://192.168.1.50:9100 or \\localhost\POS58</translation>
    </message>
    <message>
        <source>58毫米</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>80毫米</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>打印测试小票</source>
        <translation>Print a test receipt</translation>
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
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <source>小票纸宽</source>
        <translation>Receipt paper width</translation>
    </message>
    <message>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>PricesTab</name>
    <message>
        <source>设定今天价格…</source>
        <translation>Set today&apos;s price…</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>今天价格</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>县里下发的价格自动生效；站长设定的当天价格优先。改价格只影响之后的收购，已经收购的单子不变。</source>
        <translation>County prices apply automatically; a price the keeper sets for the day takes priority. A change affects only later purchases, not those already made.</translation>
    </message>
    <message>
        <source>今天没有价格</source>
        <translation>No price today</translation>
    </message>
    <message>
        <source>今天（{day}）的收购价</source>
        <translation>Purchase prices for today ({day})</translation>
    </message>
    <message>
        <source>：{count}个等级还没有价格</source>
        <translation>: {count} grades have no price yet</translation>
    </message>
    <message>
        <source>已设定今天的价格：{product} {grade} {price}。</source>
        <translation>Today&apos;s price set: {product} {grade} {price}.</translation>
    </message>
</context>
<context>
    <name>ProducePage</name>
    <message>
        <source>农产品收购</source>
        <translation>Produce purchasing</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Farmers</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>收购</source>
        <translation>Buy</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Prices</translation>
    </message>
</context>
<context>
    <name>PurchaseForm</name>
    <message>
        <source>填写户类型…</source>
        <translation>Set household…</translation>
    </message>
    <message>
        <source>结账…</source>
        <translation>Settle…</translation>
    </message>
    <message>
        <source>设定今天价格…</source>
        <translation>Set today&apos;s price…</translation>
    </message>
    <message>
        <source>扣杂</source>
        <translation>Impurity</translation>
    </message>
    <message>
        <source>测得杂质</source>
        <translation>Impurity found</translation>
    </message>
    <message>
        <source>扣水</source>
        <translation>Moisture</translation>
    </message>
    <message>
        <source>测得水分</source>
        <translation>Moisture found</translation>
    </message>
    <message>
        <source>键盘操作：回车 到下一项&#x3000;F1–F9 选等级&#x3000;回车/空格 称一筐&#x3000;Del 删一筐&#x3000;Tab 到扣杂、付款&#x3000;Ctrl+回车 保存并打印</source>
        <translation>Keys: Enter next field  F1–F9 grade  Enter/Space weigh a crate  Del delete a crate  Tab to deductions, payment  Ctrl+Enter save and print</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <source>品名等级</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>今天没有价格</source>
        <translation>No price today</translation>
    </message>
    <message>
        <source>今天 {price}（{source}）</source>
        <translation>Today {price} ({source})</translation>
    </message>
    <message>
        <source>改今天价格…</source>
        <translation>Change today&apos;s price…</translation>
    </message>
    <message>
        <source>输入姓名、拼音首字母或手机后4位，回车选中</source>
        <translation>Type a name, pinyin initials or last 4 phone digits; Enter selects</translation>
    </message>
    <message>
        <source>{village}，户类型未填写：请先填写户类型，才能收购。</source>
        <translation>{village}; household type not set: fill it in before buying.</translation>
    </message>
    <message>
        <source>赊账未结：{count}笔，共{amount}</source>
        <translation>Owed, unsettled: {count}, {amount} in all</translation>
    </message>
</context>
<context>
    <name>PurchaseTab</name>
    <message>
        <source>保存并打印 (Ctrl+回车)</source>
        <translation>Save and print (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>今天的收购</source>
        <translation>Today&apos;s purchases</translation>
    </message>
    <message>
        <source>重打小票</source>
        <translation>Reprint slip</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <source>品名等级</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>净重</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>称重</source>
        <translation>Weighing</translation>
    </message>
    <message>
        <source>还没有称重。</source>
        <translation>Nothing weighed yet.</translation>
    </message>
    <message>
        <source>今天没有价格：请先设定当日价格。</source>
        <translation>No price today: set today&apos;s price first.</translation>
    </message>
    <message>
        <source>请先选农户。</source>
        <translation>Choose a farmer first.</translation>
    </message>
    <message>
        <source>已收购 {number}：{farmer}，净重 {net}，金额 {amount}（{payment}）。{printed}</source>
        <translation>Bought {number}: {farmer}, net {net}, amount {amount} ({payment}). {printed}</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>秤</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>今天的收购：{count}笔，净重共 {net}</source>
        <translation>Today&apos;s purchases: {count}, net {net} in all</translation>
    </message>
    <message>
        <source>已作废 {number}。请向农户收回 {amount}（{payment}）。</source>
        <translation>Voided {number}. Take back {amount} from the farmer ({payment}).</translation>
    </message>
    <message>
        <source>已作废 {number}（赊账，不用收回钱）。</source>
        <translation>Voided {number} (on credit, no money to take back).</translation>
    </message>
    <message>
        <source>已结账：共{amount}，抵扣{netted}，实付{paid}。{printed}</source>
        <translation>Settled: {amount} in all, {netted} offset, {paid} paid. {printed}</translation>
    </message>
</context>
<context>
    <name>QuestionBar</name>
    <message>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>缴费凭条</source>
        <translation>Bill payment receipt</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>没有找到打印机，请在系统里装好小票打印机。</source>
        <translation>No printer found; install the receipt printer in the system first.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <source>小票已打印。</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <source>小票已送到打印机。</source>
        <translation>Receipt sent to the printer.</translation>
    </message>
    <message>
        <source>小票没有打印：{reason}</source>
        <translation>The receipt was not printed: {reason}</translation>
    </message>
    <message>
        <source>小票没有保存：{reason}</source>
        <translation>The receipt was not saved: {reason}</translation>
    </message>
    <message>
        <source>没有找到打印机，小票已存为 PDF：{path}</source>
        <translation>No printer found; the receipt was saved as a PDF: {path}</translation>
    </message>
</context>
<context>
    <name>ReceivePane</name>
    <message>
        <source>导入到货清单… (Ctrl+O)</source>
        <translation>Import arrival list… (Ctrl+O)</translation>
    </message>
    <message>
        <source>开始盲收 (Ctrl+B)</source>
        <translation>Receive without a list (Ctrl+B)</translation>
    </message>
    <message>
        <source>结束收包 (Ctrl+E)</source>
        <translation>Finish the bag (Ctrl+E)</translation>
    </message>
    <message>
        <source>收包</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>分拣</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>扫码，或手工输入单号后按回车</source>
        <translation>Scan, or type the tracking number and press Enter</translation>
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
        <source>去向</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>扫码用于：</source>
        <translation>Scans are for:</translation>
    </message>
    <message>
        <source>（F4 切换）</source>
        <translation>(F4 switches)</translation>
    </message>
    <message>
        <source>当前目的村：</source>
        <translation>Current village:</translation>
    </message>
    <message>
        <source>（F3 下一个村，Shift+F3 上一个）</source>
        <translation>(F3 next village, Shift+F3 previous)</translation>
    </message>
    <message>
        <source>现在没有正在收的包。</source>
        <translation>No bag is being received now.</translation>
    </message>
    <message>
        <source>按清单</source>
        <translation>Against the list</translation>
    </message>
    <message>
        <source>盲收</source>
        <translation>Without a list</translation>
    </message>
    <message>
        <source>正在收：{label}（{how}）</source>
        <translation>Receiving: {label} ({how})</translation>
    </message>
    <message>
        <source>（按清单 / 暂不分拣）</source>
        <translation>(by the list / not sorting yet)</translation>
    </message>
    <message>
        <source>已导入到货清单</source>
        <translation>Arrival list imported</translation>
    </message>
    <message>
        <source>开始盲收</source>
        <translation>Receiving without a list</translation>
    </message>
    <message>
        <source>请先选择当前目的村（F3）。</source>
        <translation>First choose the current village (F3).</translation>
    </message>
    <message>
        <source>未分拣</source>
        <translation>Not sorted</translation>
    </message>
    <message>
        <source>重复扫描：{tracking} 已在“{bag}”里收过，只算一件。</source>
        <translation>Scanned twice: {tracking} was already received in “{bag}”; it counts once.</translation>
    </message>
    <message>
        <source>多件：{tracking} 不在到货清单上，已记为多件。</source>
        <translation>Extra: {tracking} is not on the arrival list; recorded as extra.</translation>
    </message>
    <message>
        <source>已收：{tracking}</source>
        <translation>Received: {tracking}</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>多件</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>注意：清单上{tracking}是发往{listed}的，已按你的选择分到{place}。</source>
        <translation>Note: the list sends {tracking} to {listed}; it was sorted to {place} as you chose.</translation>
    </message>
    <message>
        <source>已分拣：{tracking} → {place}</source>
        <translation>Sorted: {tracking} → {place}</translation>
    </message>
    <message>
        <source>已结束收包</source>
        <translation>Bag finished</translation>
    </message>
    <message>
        <source>{label}：应到{expected}件，实收{received}件，未到{missing}件，多件{extra}件。</source>
        <translation>{label}: {expected} expected, {received} received, {missing} missing, {extra} extra.</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>已收 {n}</source>
        <translation>Received {n}</translation>
    </message>
    <message>
        <source>应到 {n}</source>
        <translation>Expected {n}</translation>
    </message>
    <message>
        <source>未到 {n}</source>
        <translation>Missing {n}</translation>
    </message>
    <message>
        <source>多件 {n}</source>
        <translation>Extra {n}</translation>
    </message>
    <message>
        <source>未分拣 {n}</source>
        <translation>Not sorted {n}</translation>
    </message>
    <message>
        <source>本次重复扫描 {n}</source>
        <translation>Scanned twice {n}</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>例如：胡建国</source>
        <translation>e.g. Hu Jianguo</translation>
    </message>
    <message>
        <source>11位手机号，货到时打电话通知</source>
        <translation>11-digit mobile; we call when the goods arrive</translation>
    </message>
    <message>
        <source>没有就空着</source>
        <translation>Leave empty if none</translation>
    </message>
    <message>
        <source>现在收多少，没有就空着</source>
        <translation>Amount paid now; leave empty if none</translation>
    </message>
    <message>
        <source>知道快递单号就填，到货扫码时自动提醒</source>
        <translation>Fill in if known; scanning the parcel in then flags the order</translation>
    </message>
    <message>
        <source>登记并收订金</source>
        <translation>Register and take deposit</translation>
    </message>
    <message>
        <source>打印登记单…</source>
        <translation>Print order slip…</translation>
    </message>
    <message>
        <source>村民姓名</source>
        <translation>Villager&apos;s name</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>服务费（元）</source>
        <translation>Service fee (yuan)</translation>
    </message>
    <message>
        <source>订金（元）</source>
        <translation>Deposit (yuan)</translation>
    </message>
    <message>
        <source>订金收款方式</source>
        <translation>Deposit paid by</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>商品（直接打字，回车到下一格；Ctrl+Delete 删除一行）</source>
        <translation>Goods (just type; Enter moves to the next cell; Ctrl+Delete deletes a row)</translation>
    </message>
    <message>
        <source>商品 {items} + 服务费 {fee} = 总价 &lt;b&gt;{total}&lt;/b&gt;；订金 &lt;b&gt;{deposit}&lt;/b&gt;；交货时应收尾款 &lt;b&gt;{due}&lt;/b&gt;</source>
        <translation>Goods {items} + service fee {fee} = total &lt;b&gt;{total}&lt;/b&gt;; deposit &lt;b&gt;{deposit}&lt;/b&gt;; balance due on delivery &lt;b&gt;{due}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>订金比总价还多，请核对。</source>
        <translation>The deposit is more than the total; please check.</translation>
    </message>
    <message>
        <source>第{row}行商品：{message}</source>
        <translation>Item row {row}: {message}</translation>
    </message>
    <message>
        <source>收订金 {deposit}（{method}）</source>
        <translation>deposit {deposit} taken ({method})</translation>
    </message>
    <message>
        <source>没有收订金</source>
        <translation>no deposit taken</translation>
    </message>
    <message>
        <source>已登记 {number}（{name}）：{paid}，交货时应收尾款 {due}。</source>
        <translation>Registered {number} ({name}): {paid}; balance due on delivery {due}.</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>按日</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>按农户</source>
        <translation>By farmer</translation>
    </message>
    <message>
        <source>按村</source>
        <translation>By village</translation>
    </message>
    <message>
        <source>按品种</source>
        <translation>By product</translation>
    </message>
    <message>
        <source>按等级</source>
        <translation>By grade</translation>
    </message>
    <message>
        <source>按户类型</source>
        <translation>By household</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>收购笔数</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>农户数</source>
        <translation>Farmers</translation>
    </message>
    <message>
        <source>净重（公斤）</source>
        <translation>Net (kg)</translation>
    </message>
    <message>
        <source>净重（斤）</source>
        <translation>Net (jin)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>帮扶汇总（按收购时登记的户类型）</source>
        <translation>Assistance summary (household type at purchase)</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>脱贫户</source>
        <translation>Lifted households</translation>
    </message>
    <message>
        <source>监测对象</source>
        <translation>Monitored households</translation>
    </message>
    <message>
        <source>帮扶合计</source>
        <translation>Assisted total</translation>
    </message>
    <message>
        <source>这段时间没有收购。</source>
        <translation>No purchases in this period.</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>品种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>品种等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>{count} 户</source>
        <translation>{count} farmers</translation>
    </message>
    <message>
        <source>导出收购报表</source>
        <translation>Export purchase report</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>收购报表_{day_from}_{day_to}.xlsx</source>
        <translation>purchase_report_{day_from}_{day_to}.xlsx</translation>
    </message>
    <message>
        <source>报表已导出到 {path}</source>
        <translation>Report exported to {path}</translation>
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
    <name>RouteDialog</name>
    <message>
        <source>修改线路</source>
        <translation>Edit route</translation>
    </message>
    <message>
        <source>新增线路</source>
        <translation>New route</translation>
    </message>
    <message>
        <source>如 R01</source>
        <translation>e.g. R01</translation>
    </message>
    <message>
        <source>如 北线</source>
        <translation>e.g. North line</translation>
    </message>
    <message>
        <source>每行一个村：村名 12位区划代码 [站点编号]</source>
        <translation>One village per line: name, 12-digit division code [station id]</translation>
    </message>
    <message>
        <source>线路编号</source>
        <translation>Route code</translation>
    </message>
    <message>
        <source>线路名称</source>
        <translation>Route name</translation>
    </message>
    <message>
        <source>沿线村站</source>
        <translation>Village stations on the route</translation>
    </message>
</context>
<context>
    <name>RoutesPane</name>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>线路名称</source>
        <translation>Route name</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>沿线村站</source>
        <translation>Village stations on the route</translation>
    </message>
    <message>
        <source>新增线路…</source>
        <translation>New route…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>线路表决定分拣时每个村归哪条线路；只有站长可以修改。</source>
        <translation>The route table decides which route each village is sorted to; only the keeper can change it.</translation>
    </message>
    <message>
        <source>县中心下发</source>
        <translation>From the county centre</translation>
    </message>
    <message>
        <source>本站</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>请先选中要删除的线路。</source>
        <translation>First select the route to delete.</translation>
    </message>
    <message>
        <source>删除线路 {code} {name}？沿线的村要重新加到别的线路上才能分拣。</source>
        <translation>Delete route {code} {name}? Its villages must be added to another route before they can be sorted.</translation>
    </message>
</context>
<context>
    <name>ScaleDisplay</name>
    <message>
        <source>秤上稳定后按 回车 或 空格 称这一筐</source>
        <translation>When the scale is steady, press Enter or Space to weigh this crate</translation>
    </message>
</context>
<context>
    <name>ScaleGroup</name>
    <message>
        <source>电子秤</source>
        <translation>Electronic scale</translation>
    </message>
    <message>
        <source>不接秤就留空</source>
        <translation>Leave empty if no scale</translation>
    </message>
    <message>
        <source>耀华 XK3190-A9</source>
        <translation>Yaohua XK3190-A9</translation>
    </message>
    <message>
        <source>耀华 XK3190-A12(E)</source>
        <translation>Yaohua XK3190-A12(E)</translation>
    </message>
    <message>
        <source>通用 ST,GS 格式</source>
        <translation>Generic ST,GS format</translation>
    </message>
    <message>
        <source>托利多 8217</source>
        <translation>Toledo 8217</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> readings</translation>
    </message>
    <message>
        <source>秤没有稳定标志时，连续这么多次读数相同才算稳定</source>
        <translation>For scales without a steady flag: this many equal readings in a row count as steady</translation>
    </message>
    <message>
        <source>测试</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>串口</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>秤的型号</source>
        <translation>Scale model</translation>
    </message>
    <message>
        <source>波特率</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>稳定判断</source>
        <translation>Steady after</translation>
    </message>
    <message>
        <source>秤没有数据：请检查秤是否开机、型号和波特率是否选对。</source>
        <translation>No data from the scale: check that it is on and the model and baud rate are right.</translation>
    </message>
    <message>
        <source>没有填写串口：不接秤时称重只能手工输入。</source>
        <translation>No serial port set: without a scale, weights can only be typed in.</translation>
    </message>
    <message>
        <source>正在读秤，请稍等…</source>
        <translation>Reading the scale, please wait…</translation>
    </message>
    <message>
        <source>秤正常：当前重量 {kg}（{jin}），稳定。</source>
        <translation>Scale OK: now {kg} ({jin}), steady.</translation>
    </message>
    <message>
        <source>秤有数据，但显示超载：请拿下秤上的东西再试。</source>
        <translation>The scale sends data but shows overload: take things off the scale and try again.</translation>
    </message>
    <message>
        <source>读不到秤的数据：请检查型号、波特率和连接线。</source>
        <translation>Cannot read the scale: check the model, baud rate and cable.</translation>
    </message>
    <message>
        <source>秤有数据，但显示负数：请清空秤盘后置零。</source>
        <translation>The scale sends data but shows a negative weight: empty the pan and zero it.</translation>
    </message>
    <message>
        <source>秤有数据（{kg}），但一直不稳定：请不要碰秤盘，或把稳定判断次数调小。</source>
        <translation>The scale sends data ({kg}) but never settles: don&apos;t touch the pan, or lower the steady count.</translation>
    </message>
</context>
<context>
    <name>SendingTab</name>
    <message>
        <source>全部快递公司</source>
        <translation>All couriers</translation>
    </message>
    <message>
        <source>勾选全部待揽收</source>
        <translation>Tick all awaiting collection</translation>
    </message>
    <message>
        <source>取消寄件…</source>
        <translation>Cancel shipment…</translation>
    </message>
    <message>
        <source>扫不出时手输快递单号，按回车</source>
        <translation>If it won&apos;t scan, type the tracking number and press Enter</translation>
    </message>
    <message>
        <source>揽收</source>
        <translation>Collect</translation>
    </message>
    <message>
        <source>今日寄件和待揽收（选中或勾选后扫快递员的单号）</source>
        <translation>Today&apos;s shipments and those awaiting collection (select or tick, then scan the courier&apos;s number)</translation>
    </message>
    <message>
        <source>已收件：{courier}，寄往{where}，运费{fee}元（{payment}）</source>
        <translation>Accepted: {courier}, to {where}, fee {fee} yuan ({payment})</translation>
    </message>
    <message>
        <source>快递员来揽收时：先选中或勾选寄件，再扫他贴的单号。</source>
        <translation>When the courier collects: select or tick the shipments, then scan the labels he put on.</translation>
    </message>
    <message>
        <source>请扫这件的快递单号：{courier}，寄往{where}，{name}，{weight}</source>
        <translation>Scan this shipment&apos;s tracking number: {courier}, to {where}, {name}, {weight}</translation>
    </message>
    <message>
        <source>（之后还有{count}件）</source>
        <translation>({count} more after this)</translation>
    </message>
    <message>
        <source>请先在列表里选中或勾选要揽收的寄件，再扫单号。</source>
        <translation>First select or tick the shipments to collect in the list, then scan.</translation>
    </message>
    <message>
        <source>已揽收：{courier}，寄往{where}，单号 {tracking}</source>
        <translation>Collected: {courier}, to {where}, tracking no. {tracking}</translation>
    </message>
    <message>
        <source>请先在列表里选中要取消的寄件。</source>
        <translation>First select the shipment to cancel in the list.</translation>
    </message>
    <message>
        <source>已取消寄件：寄往{where}，请退还运费{fee}元。</source>
        <translation>Shipment to {where} cancelled; refund the fee of {fee} yuan.</translation>
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
        <source>通知</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <source>给农户结账</source>
        <translation>Settle with farmer</translation>
    </message>
    <message>
        <source>{farmer}：赊账{count}笔（{numbers}），共欠{amount}</source>
        <translation>{farmer}: {count} on credit ({numbers}), {amount} owed in all</translation>
    </message>
    <message>
        <source>用来抵扣的代购订单</source>
        <translation>Agent orders to offset</translation>
    </message>
    <message>
        <source>{number}，还欠{balance}</source>
        <translation>{number}, {balance} still owed</translation>
    </message>
    <message>
        <source>抵扣金额</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>这位农户没有可以抵扣的代购订单。</source>
        <translation>This farmer has no agent orders to offset.</translation>
    </message>
    <message>
        <source>实付农户</source>
        <translation>Pay farmer</translation>
    </message>
    <message>
        <source>付款方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>结账</source>
        <translation>Settle</translation>
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
        <source>创建服务站</source>
        <translation>Create station</translation>
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
    <name>ShipDialog</name>
    <message>
        <source>平台已发货</source>
        <translation>Shipped by the platform</translation>
    </message>
    <message>
        <source>平台物流信息里的快递单号</source>
        <translation>The tracking number from the platform&apos;s shipping details</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>有单号时，包裹入库扫码会自动把订单改为“已到站”。</source>
        <translation>With a tracking number, scanning the parcel in at check-in marks the order “Arrived” automatically.</translation>
    </message>
    <message>
        <source>发运批次</source>
        <translation>Ship lot</translation>
    </message>
    <message>
        <source>公司或市场的名称，不写个人信息</source>
        <translation>Company or market name; no personal data</translation>
    </message>
    <message>
        <source>发往</source>
        <translation>Ship to</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>整批发运：{held}。</source>
        <translation>Ship the whole lot: {held}.</translation>
    </message>
    <message>
        <source>发运</source>
        <translation>Ship</translation>
    </message>
</context>
<context>
    <name>ShipmentForm</name>
    <message>
        <source>寄件人姓名</source>
        <translation>Sender&apos;s name</translation>
    </message>
    <message>
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>收件人姓名</source>
        <translation>Recipient&apos;s name</translation>
    </message>
    <message>
        <source>如：西安市</source>
        <translation>e.g. Xi&apos;an</translation>
    </message>
    <message>
        <source>区县、乡镇、街道门牌</source>
        <translation>District, township, street and number</translation>
    </message>
    <message>
        <source>如 1.6kg、3.2斤、1600g</source>
        <translation>e.g. 1.6kg, 3.2斤, 1600g</translation>
    </message>
    <message>
        <source>收件 (Ctrl+回车)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>输入省份，如：陕西</source>
        <translation>Type the province, e.g. 陕西</translation>
    </message>
    <message>
        <source>寄件人</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>寄件人电话</source>
        <translation>Sender&apos;s phone</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>收件人电话</source>
        <translation>Recipient&apos;s phone</translation>
    </message>
    <message>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>重量</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>付款方式</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>填好省份和重量，运费自动算出。</source>
        <translation>Fill in the province and weight and the fee is worked out.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>拆分批次</source>
        <translation>Split lot</translation>
    </message>
    <message>
        <source>斤</source>
        <translation>jin</translation>
    </message>
    <message>
        <source>公斤</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>每行一份的重量，如：
200
150</source>
        <translation>One part&apos;s weight per line, e.g.:
200
150</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>拆出各份</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>回车换行填下一份，Ctrl+回车拆分。每份拆成一个新批次，有自己的溯源码和标签。</source>
        <translation>Enter starts the next part; Ctrl+Enter splits. Each part becomes a new lot with its own trace code and label.</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>第{row}份：{reason}</source>
        <translation>Part {row}: {reason}</translation>
    </message>
    <message>
        <source>拆出 {count} 份共 {taken}，比批次多 {over}。</source>
        <translation>{count} parts total {taken}, {over} more than the lot.</translation>
    </message>
    <message>
        <source>拆出 {count} 份共 {taken}，批次还剩 {left}。</source>
        <translation>{count} parts total {taken}; {left} stays in the lot.</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>盘点：把货架上的包裹逐件扫一遍，找出少的、多的和放错的。</source>
        <translation>Stocktake: scan every parcel on the shelves to find what is missing, extra or misplaced.</translation>
    </message>
    <message>
        <source>继续盘点 (回车)</source>
        <translation>Resume stocktake (Enter)</translation>
    </message>
    <message>
        <source>全站所有货架</source>
        <translation>All shelves</translation>
    </message>
    <message>
        <source>只盘这些货架：</source>
        <translation>Only these shelves:</translation>
    </message>
    <message>
        <source>开始盘点</source>
        <translation>Start stocktake</translation>
    </message>
    <message>
        <source>开始后，先选好正在盘点的货架和层，再把那里的包裹逐件扫一遍，扫完一处换下一处。有问题的包裹会列在下面，选中后按 F5–F10 处理；中途断电或关机，下次打开可以接着盘。</source>
        <translation>Once started, choose the shelf and tier you are counting, scan every parcel there, then move to the next place. Parcels with a problem are listed below; select one and press F5–F10. After a power cut or shutdown you can carry on where you stopped.</translation>
    </message>
    <message>
        <source>{shelf}号</source>
        <translation>Shelf {shelf}</translation>
    </message>
    <message>
        <source>有一次盘点还没结束：{who}于{when}开始，盘{scope}。</source>
        <translation>A stocktake is not finished: {who} started it at {when}, counting {scope}.</translation>
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
    <name>StatusBox</name>
    <message>
        <source>同步状态</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>从县服务中心恢复</source>
        <translation>Recover from the county centre</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>重新接入…</source>
        <translation>Enrol again…</translation>
    </message>
    <message>
        <source>县服务中心</source>
        <translation>County centre</translation>
    </message>
    <message>
        <source>本站编号</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>上次成功同步</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>待上传</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>下次自动同步</source>
        <translation>Next automatic sync</translation>
    </message>
    <message>
        <source>还没有成功过</source>
        <translation>Never yet</translation>
    </message>
    <message>
        <source>{count} 条</source>
        <translation>{count} records</translation>
    </message>
    <message>
        <source>上次出错：{message}</source>
        <translation>Last error: {message}</translation>
    </message>
    <message>
        <source>已停止，等站长处理</source>
        <translation>Stopped until the keeper acts</translation>
    </message>
    <message>
        <source>马上</source>
        <translation>Now</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>结束盘点…</source>
        <translation>Finish stocktake…</translation>
    </message>
    <message>
        <source>扫描面单；扫不出时手输单号或取件码，按回车</source>
        <translation>Scan the waybill; if it won&apos;t scan, type the tracking number or pickup code and press Enter</translation>
    </message>
    <message>
        <source>盘点开始：请逐件扫描货架上的包裹。</source>
        <translation>Stocktake started: scan every parcel on the shelves.</translation>
    </message>
    <message>
        <source>继续盘点：已扫过的不用再扫。</source>
        <translation>Stocktake resumed: parcels already scanned need no second scan.</translation>
    </message>
    <message>
        <source>盘点{scope}（{who} {when} 开始）</source>
        <translation>Counting {scope} (started by {who} at {when})</translation>
    </message>
    <message>
        <source>请先开始盘点（或继续上次的盘点），再扫描。</source>
        <translation>Start a stocktake (or resume the last one) before scanning.</translation>
    </message>
    <message>
        <source>重复扫描：{code} 已经扫过（第{times}次），只算一件。</source>
        <translation>Scanned twice: {code} was already scanned (time {times}); it counts once.</translation>
    </message>
    <message>
        <source>✓ {code}&#x3000;{place}</source>
        <translation>✓ {code}  {place}</translation>
    </message>
    <message>
        <source>放错位置：{code} 应在{recorded}（扫到于{found}）</source>
        <translation>Misplaced: {code} belongs on {recorded} (found on {found})</translation>
    </message>
    <message>
        <source>不在册：{tracking}&#x3000;{reason}</source>
        <translation>Not on record: {tracking}  {reason}</translation>
    </message>
    <message>
        <source>正在盘点：{place}</source>
        <translation>Counting: {place}</translation>
    </message>
    <message>
        <source>已记为找到：{code}</source>
        <translation>Recorded as found: {code}</translation>
    </message>
    <message>
        <source>确定把 {code}（单号 {tracking}）记为丢失吗？它将不再算在架上，未发出的通知会取消。</source>
        <translation>Record {code} (tracking no. {tracking}) as lost? It will no longer count as on the shelf and unsent notices will be cancelled.</translation>
    </message>
    <message>
        <source>记为丢失</source>
        <translation>Record as lost</translation>
    </message>
    <message>
        <source>已记为丢失：{code}</source>
        <translation>Recorded as lost: {code}</translation>
    </message>
    <message>
        <source>已归位：{code} 放回{place}</source>
        <translation>Put back: {code} returned to {place}</translation>
    </message>
    <message>
        <source>已改登记：新取件码 {code}（{place}），请在包裹上改写；已重新通知收件人。</source>
        <translation>Re-registered: new pickup code {code} ({place}); write it on the parcel. The recipient has been notified again.</translation>
    </message>
    <message>
        <source>已入库：取件码 {code}（{place}），请写在包裹上。</source>
        <translation>Checked in: pickup code {code} ({place}); write it on the parcel.</translation>
    </message>
    <message>
        <source>已放一边：{tracking}</source>
        <translation>Set aside: {tracking}</translation>
    </message>
    <message>
        <source>还有 {count} 项没有处理，结束后它们按原样留在记录里（未扫到的仍算在架上）。确定结束盘点吗？</source>
        <translation>{count} findings are not dealt with; they stay on record as they are (parcels not scanned still count as on the shelf). Finish the stocktake?</translation>
    </message>
    <message>
        <source>都处理完了。确定结束盘点吗？</source>
        <translation>Everything is dealt with. Finish the stocktake?</translation>
    </message>
    <message>
        <source>结束盘点</source>
        <translation>Finish stocktake</translation>
    </message>
    <message>
        <source>盘点已结束：应在架 {expected} 件，扫到 {scanned} 件（重复扫 {duplicates} 次）；未扫到 {missing}（找到 {found}，丢失 {lost}）；放错 {wrong}（归位 {reshelved}，改登记 {relocated}）；不在册 {unknown}（入库 {checked_in}，放一边 {set_aside}）；未处理 {unresolved}。</source>
        <translation>Stocktake finished: {expected} expected on the shelves, {scanned} scanned ({duplicates} repeat scans); not scanned {missing} (found {found}, lost {lost}); misplaced {wrong} (put back {reshelved}, re-registered {relocated}); not on record {unknown} (checked in {checked_in}, set aside {set_aside}); not dealt with {unresolved}.</translation>
    </message>
</context>
<context>
    <name>SucceedDialog</name>
    <message>
        <source>缴费成功</source>
        <translation>Payment succeeded</translation>
    </message>
    <message>
        <source>缴费单位给的回执号或交易流水号</source>
        <translation>The reference or transaction number the biller gave</translation>
    </message>
    <message>
        <source>回执号</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>成功</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>没成功，稍后重试</source>
        <translation>Failed, will retry</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>未被接受</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>与县服务中心同步</source>
        <translation>Sync with the county centre</translation>
    </message>
    <message>
        <source>同步记录（最新的在最上面）</source>
        <translation>Sync history (newest first)</translation>
    </message>
    <message>
        <source>时间（北京时间）</source>
        <translation>Time (Beijing)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>上传条数</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>演示用的县服务中心没有启动，这次演示不会上传（原因写在日志 logs/station.log 里）。台账照常记在本机。</source>
        <translation>The demo county centre did not start, so this demo will not upload (the reason is in logs/station.log). The ledger is kept on this PC as usual.</translation>
    </message>
    <message>
        <source>填写县服务中心新给的登记码（或扫登记二维码），再点「接入」。</source>
        <translation>Enter the new enrolment code from the county centre (or scan its QR code), then press “Enrol”.</translation>
    </message>
    <message>
        <source>请站长登录，到本页点「从县服务中心恢复」。恢复前不能办理业务。</source>
        <translation>Have the keeper log in and press “Recover from the county centre” on this page. No business can be done until then.</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>本站还没有接入县服务中心，本机已有 {count} 条记录等着上传。填写县服务中心给的地址和登记码，或用扫码枪扫县服务中心给的登记二维码。</source>
        <translation>This station is not enrolled with the county centre yet; {count} records are waiting to upload. Enter the address and enrolment code the county centre gave you, or scan its enrolment QR code.</translation>
    </message>
    <message>
        <source>正在同步……</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>只有站长可以从县服务中心恢复。</source>
        <translation>Only the keeper can recover from the county centre.</translation>
    </message>
    <message>
        <source>正在恢复……</source>
        <translation>Recovering…</translation>
    </message>
    <message>
        <source>正在从县服务中心取回本机缺少的记录，请不要关闭程序……</source>
        <translation>Fetching the records this PC lacks from the county centre; please don&apos;t close the program…</translation>
    </message>
    <message>
        <source>正在从县服务中心取回记录：本机已有到第 {seq} 条……</source>
        <translation>Fetching records from the county centre: this PC now holds up to record {seq}…</translation>
    </message>
    <message>
        <source>从县服务中心恢复</source>
        <translation>Recover from the county centre</translation>
    </message>
    <message>
        <source>恢复没有完成：程序出错（{kind}）。已取回的记录都保留着，请联系县服务中心。</source>
        <translation>Recovery did not finish: program error ({kind}). The records fetched so far are kept; please contact the county centre.</translation>
    </message>
    <message>
        <source>恢复完成：从县服务中心取回了 {count} 条记录，可以照常办理业务了。</source>
        <translation>Recovered: {count} records fetched from the county centre. Business can go on as usual.</translation>
    </message>
    <message>
        <source>其中 {count} 条是本版软件不认识的记录，没有计入，请升级软件。</source>
        <translation>{count} of them are of kinds this version does not know and were not applied; please update the software.</translation>
    </message>
    <message>
        <source>这次没有恢复完（已取回 {count} 条，都保留着）：{message}请稍后再点一次「从县服务中心恢复」。</source>
        <translation>Recovery did not finish this time ({count} records fetched and kept): {message} Press “Recover from the county centre” again later.</translation>
    </message>
    <message>
        <source>不能恢复：{message}</source>
        <translation>Cannot recover: {message}</translation>
    </message>
    <message>
        <source>收到扫码 {code}，但这不是县服务中心的登记二维码。</source>
        <translation>Scanned {code}, but that is not a county centre enrolment QR code.</translation>
    </message>
    <message>
        <source>只有站长可以接入县服务中心。</source>
        <translation>Only the keeper can enrol with the county centre.</translation>
    </message>
    <message>
        <source>本站已接入县服务中心。要重新接入，请扫完整的登记二维码。</source>
        <translation>This station is already enrolled. To enrol again, scan a complete enrolment QR code.</translation>
    </message>
</context>
<context>
    <name>TakeoverKeeperPage</name>
    <message>
        <source>设置站长密码</source>
        <translation>Set the keeper&apos;s password</translation>
    </message>
    <message>
        <source>台账里不保存密码，所以从县服务中心恢复的账号在这台电脑上还没有密码。请选择您的站长账号，设一个新密码。店员的密码由站长在「设置」里重设。</source>
        <translation>The ledger holds no passwords, so the accounts restored from the county have none on this PC yet. Choose your keeper account and set a new password. The keeper resets assistants&apos; passwords in Settings.</translation>
    </message>
    <message>
        <source>密码至少8位，要同时有字母和数字（或符号），不能包含登录名，不要用12345678、88888888这类常见密码。</source>
        <translation>At least 8 characters, with letters and digits (or symbols), not containing the login, and not a common password such as 12345678 or 88888888.</translation>
    </message>
    <message>
        <source>站长账号</source>
        <translation>Keeper account</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
</context>
<context>
    <name>TakeoverPage</name>
    <message>
        <source>接替已有服务站：从县服务中心恢复</source>
        <translation>Take over a station: restore from the county service centre</translation>
    </message>
    <message>
        <source>原来的电脑坏了、换了电脑或重装了系统时用。请先请县服务中心为本站重新生成登记码（原来电脑的登记会同时作废），再填写下面两项或扫登记二维码。</source>
        <translation>For when the old PC broke, was replaced or reinstalled. First ask the county service centre for a new enrolment code for this station (the old PC&apos;s enrolment stops working), then fill in both fields below or scan the enrolment QR code.</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8640</source>
        <translation>e.g. http://192.168.1.10:8640</translation>
    </message>
    <message>
        <source>例如 ABCD-EFGH-JKMN-PQRS</source>
        <translation>e.g. ABCD-EFGH-JKMN-PQRS</translation>
    </message>
    <message>
        <source>接入并恢复</source>
        <translation>Connect and restore</translation>
    </message>
    <message>
        <source>县服务中心地址</source>
        <translation>County centre address</translation>
    </message>
    <message>
        <source>登记码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>继续恢复</source>
        <translation>Continue restoring</translation>
    </message>
    <message>
        <source>上次从县服务中心恢复没有做完，已取回的记录都保留着。请点「继续恢复」。</source>
        <translation>The last restore from the county did not finish; the records fetched so far are kept. Click &quot;Continue restoring&quot;.</translation>
    </message>
    <message>
        <source>正在连接县服务中心……请不要关闭程序。</source>
        <translation>Connecting to the county service centre… Please do not close the program.</translation>
    </message>
    <message>
        <source>正在从县服务中心取回本站的台账：已取回 {seq} 条……</source>
        <translation>Fetching the station&apos;s ledger from the county: {seq} records so far…</translation>
    </message>
    <message>
        <source>已取回本站的 {count} 条记录。请点「下一步」。</source>
        <translation>Fetched the station&apos;s {count} records. Click &quot;Next&quot;.</translation>
    </message>
    <message>
        <source>这次没有恢复完（已取回的都保留着）：{message}请再点「继续恢复」。</source>
        <translation>The restore did not finish this time (what was fetched is kept): {message} Click &quot;Continue restoring&quot; again.</translation>
    </message>
    <message>
        <source>连不上县服务中心。请检查地址是否写对、电脑是否联网，再试一次。</source>
        <translation>Cannot reach the county service centre. Check the address and the network connection, then try again.</translation>
    </message>
    <message>
        <source>没有成功：程序出错（{kind}）。请联系县服务中心。</source>
        <translation>That did not work: a program error ({kind}). Please contact the county service centre.</translation>
    </message>
</context>
<context>
    <name>TallyBar</name>
    <message>
        <source>应在架 {expected}&#x3000;｜&#x3000;已扫 {scanned}&#x3000;｜&#x3000;&lt;span style=&apos;color:#c62828&apos;&gt;未扫到 {missing}&lt;/span&gt;&#x3000;｜&#x3000;&lt;span style=&apos;color:#e65100&apos;&gt;放错 {wrong}&lt;/span&gt;&#x3000;｜&#x3000;&lt;span style=&apos;color:#6a1b9a&apos;&gt;不在册 {unknown}&lt;/span&gt;</source>
        <translation>Expected {expected}  |  Scanned {scanned}  |  &lt;span style=&apos;color:#c62828&apos;&gt;Not scanned {missing}&lt;/span&gt;  |  &lt;span style=&apos;color:#e65100&apos;&gt;Misplaced {wrong}&lt;/span&gt;  |  &lt;span style=&apos;color:#6a1b9a&apos;&gt;Not on record {unknown}&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>已为{count}件排队发送提醒</source>
        <translation>Reminders queued for {count} parcels</translation>
    </message>
    <message>
        <source>{codes} 今天已经提醒过，明天再发</source>
        <translation>{codes} were already reminded today; try again tomorrow</translation>
    </message>
    <message>
        <source>{codes} 已不在架上</source>
        <translation>{codes} are no longer on the shelf</translation>
    </message>
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
        <source>再次通知</source>
        <translation>Remind again</translation>
    </message>
    <message>
        <source>全部再次通知</source>
        <translation>Remind all again</translation>
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
        <source>请先在滞留件里选中要再次通知的包裹。</source>
        <translation>First select the overdue parcels to remind.</translation>
    </message>
    <message>
        <source>没有滞留件，不用再次通知。</source>
        <translation>No overdue parcels; nothing to remind.</translation>
    </message>
    <message>
        <source>请先在滞留件里选中要退的包裹。</source>
        <translation>First select the parcel to return among the overdue parcels.</translation>
    </message>
</context>
<context>
    <name>TotalPanel</name>
    <message>
        <source>应收 {total}</source>
        <translation>Due {total}</translation>
    </message>
    <message>
        <source>缴费 {amount} + 服务费 {fee}</source>
        <translation>Payment {amount} + service fee {fee}</translation>
    </message>
    <message>
        <source>缴费 {amount}</source>
        <translation>Payment {amount}</translation>
    </message>
    <message>
        <source>应收 —</source>
        <translation>Due —</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>毛重</source>
        <translation>Gross</translation>
    </message>
    <message>
        <source>皮重</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>扣重</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <source>净重</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>VillagePanel</name>
    <message>
        <source>导入交接单文件… (Ctrl+O)</source>
        <translation>Import manifest file… (Ctrl+O)</translation>
    </message>
    <message>
        <source>核对完成，关闭交接单 (Ctrl+E)</source>
        <translation>Checked; close the manifest (Ctrl+E)</translation>
    </message>
    <message>
        <source>交接单号</source>
        <translation>Manifest no.</translation>
    </message>
    <message>
        <source>发出站</source>
        <translation>From station</translation>
    </message>
    <message>
        <source>发出时间</source>
        <translation>Sent at</translation>
    </message>
    <message>
        <source>应到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>已到</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>多件</source>
        <translation>Extra</translation>
    </message>
    <message>
        <source>错分</source>
        <translation>Mis-sorted</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
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
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>交接单（包裹在“入库”页扫码入库后，这里自动核对）</source>
        <translation>Manifests (parcels are checked off here as they are scanned in on the “Check in” tab)</translation>
    </message>
    <message>
        <source>核对中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>错分：属于{owner}，请退回</source>
        <translation>Mis-sorted: belongs to {owner}; send it back</translation>
    </message>
    <message>
        <source>多件：不在交接单上</source>
        <translation>Extra: not on the manifest</translation>
    </message>
    <message>
        <source>已导入交接单 {number}：{count} 件，来自{origin}。</source>
        <translation>Manifest {number} imported: {count} parcels from {origin}.</translation>
    </message>
    <message>
        <source>请先选中一张交接单。</source>
        <translation>First select a manifest.</translation>
    </message>
    <message>
        <source>已关闭。</source>
        <translation>Closed.</translation>
    </message>
    <message>
        <source>单号{tracking}不在任何交接单上。</source>
        <translation>Tracking no. {tracking} is on no manifest.</translation>
    </message>
    <message>
        <source>已入库</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>还没入库，请到“入库”页扫码</source>
        <translation>Not checked in yet; scan it on the “Check in” tab</translation>
    </message>
    <message>
        <source>{tracking} 在交接单 {number} 上：{state}</source>
        <translation>{tracking} is on manifest {number}: {state}</translation>
    </message>
    <message>
        <source>{number}：应到{expected}，已到{arrived}，未到{missing}，多件{extra}，错分{wrong}</source>
        <translation>{number}: expected {expected}, arrived {arrived}, missing {missing}, extra {extra}, mis-sorted {wrong}</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>作废收购单</source>
        <translation>Void purchase</translation>
    </message>
    <message>
        <source>{number}：{farmer}，{product}{grade}，{amount}</source>
        <translation>{number}: {farmer}, {product}{grade}, {amount}</translation>
    </message>
    <message>
        <source>必填，如：称错了、农户不卖了</source>
        <translation>Required, e.g. weighed wrong, farmer changed their mind</translation>
    </message>
    <message>
        <source>作废后钱账会冲回，这笔重量也会从批次里减掉。</source>
        <translation>Voiding reverses the money and takes this weight out of its lot.</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>WeighingPanel</name>
    <message>
        <source>锁定默认皮重</source>
        <translation>Lock default tare</translation>
    </message>
    <message>
        <source>手工输入毛重，如 52斤、26kg</source>
        <translation>Type the gross weight, e.g. 52斤, 26kg</translation>
    </message>
    <message>
        <source>加一筐(手工)</source>
        <translation>Add crate (manual)</translation>
    </message>
    <message>
        <source>删除选中的筐 (Del)</source>
        <translation>Delete crate (Del)</translation>
    </message>
    <message>
        <source>筐</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>毛重</source>
        <translation>Gross</translation>
    </message>
    <message>
        <source>皮重</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>去皮</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>每筐皮重</source>
        <translation>Tare per crate</translation>
    </message>
    <message>
        <source>如 3斤；没有填0</source>
        <translation>e.g. 3斤; 0 if none</translation>
    </message>
    <message>
        <source>秤断开了：已称的{count}筐还在，可以接好秤继续称，或手工输入重量。</source>
        <translation>Scale disconnected: the {count} crates weighed are kept; reconnect the scale to go on, or type the weights.</translation>
    </message>
    <message>
        <source>稳定</source>
        <translation>Steady</translation>
    </message>
    <message>
        <source>不稳</source>
        <translation>Unsteady</translation>
    </message>
    <message>
        <source>超载</source>
        <translation>Overload</translation>
    </message>
    <message>
        <source>负数</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>等秤数据</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>秤断开了</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>秤没有数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>未接秤</source>
        <translation>No scale</translation>
    </message>
    <message>
        <source>请用下面的框手工输入重量</source>
        <translation>Type the weights in the box below</translation>
    </message>
    <message>
        <source>没有接秤：请在下面手工输入重量。</source>
        <translation>No scale connected: type the weights below.</translation>
    </message>
    <message>
        <source>秤断开了：请接好秤，或在下面手工输入重量。</source>
        <translation>Scale disconnected: reconnect it, or type the weights below.</translation>
    </message>
    <message>
        <source>秤没有数据：请检查秤是否开机，或在下面手工输入重量。</source>
        <translation>No data from the scale: check that it is on, or type the weights below.</translation>
    </message>
    <message>
        <source>还没有收到秤的数据，请稍等。</source>
        <translation>No data from the scale yet; please wait.</translation>
    </message>
    <message>
        <source>秤上没有东西，请放上一筐再按回车。</source>
        <translation>The scale is empty; put a crate on it, then press Enter.</translation>
    </message>
    <message>
        <source>这一筐刚称过了。请换下一筐，秤稳定后再按回车。</source>
        <translation>This crate was just weighed. Put on the next one and press Enter once the scale is steady.</translation>
    </message>
    <message>
        <source>毛重必须大于0。</source>
        <translation>The gross weight must be more than 0.</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>秤</source>
        <translation>Scale</translation>
    </message>
</context>
<context>
    <name>_LotDialog</name>
    <message>
        <source>批次 {code}&#x3000;{product} {grade}&#x3000;{day}&#x3000;在站 {held}</source>
        <translation>Lot {code}  {product} {grade}  {day}  {held} at station</translation>
    </message>
</context>
<context>
    <name>_OrderDialog</name>
    <message>
        <source>{number}&#x3000;{name}（{phone}）&#x3000;{goods}</source>
        <translation>{number}  {name} ({phone})  {goods}</translation>
    </message>
</context>
<context>
    <name>bills</name>
    <message>
        <source>{biller} {account}，{amount}</source>
        <translation>{biller} {account}, {amount}</translation>
    </message>
    <message>
        <source>待缴</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>失败已退款</source>
        <translation>Failed, refunded</translation>
    </message>
    <message>
        <source>服务费每笔{fee}</source>
        <translation>Service fee {fee} per payment</translation>
    </message>
    <message>
        <source>服务费按金额的{rate}‰，最低{low}，最高{high}</source>
        <translation>Service fee {rate}‰ of the amount, min. {low}, max. {high}</translation>
    </message>
    <message>
        <source>不收服务费</source>
        <translation>No service fee</translation>
    </message>
    <message>
        <source>可选：{choices}</source>
        <translation>Choices: {choices}</translation>
    </message>
    <message>
        <source>每笔{low}到{high}</source>
        <translation>{low} to {high} per payment</translation>
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
        <source>本机的台账比县服务中心的少（可能是从旧备份恢复的）。请先到“同步”页点“从县服务中心恢复”，恢复前不能办理业务。</source>
        <translation>This PC&apos;s ledger is behind the county centre&apos;s (it may have been restored from an old backup). Go to the “Sync” page and press “Recover from the county centre” first; no business can be done until then.</translation>
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
        <source>设置值不在可选范围内。</source>
        <translation>The setting is not one of the allowed values.</translation>
    </message>
    <message>
        <source>填写的内容太长：最多{limit}个字符。</source>
        <translation>Too long: at most {limit} characters.</translation>
    </message>
    <message>
        <source>短信网关地址要以 http:// 或 https:// 开头，中间不能有空格。</source>
        <translation>The SMS gateway URL must start with http:// or https:// and contain no spaces.</translation>
    </message>
    <message>
        <source>打印机地址不对：留空用默认打印机，或写 tcp://地址:端口。</source>
        <translation>Invalid printer address: leave it empty for the default printer, or write tcp://address:port.</translation>
    </message>
    <message>
        <source>秤的串口名不对：留空表示不接秤，或写 COM3、/dev/ttyUSB0。</source>
        <translation>Invalid scale port name: leave empty for no scale, or enter e.g. COM3 or /dev/ttyUSB0.</translation>
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
        <source>单号{tracking}已在盘点时记为丢失，不在货架上。</source>
        <translation>Tracking no. {tracking} was recorded lost in a stocktake and is not on the shelf.</translation>
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
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <source>京东</source>
        <translation>JD.com</translation>
    </message>
    <message>
        <source>淘宝</source>
        <translation>Taobao</translation>
    </message>
    <message>
        <source>供销e家</source>
        <translation>Gongxiao e-Jia</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>请填写村民姓名。</source>
        <translation>Enter the villager&apos;s name.</translation>
    </message>
    <message>
        <source>姓名太长了，最多{limit}个字。</source>
        <translation>The name is too long; at most {limit} characters.</translation>
    </message>
    <message>
        <source>代购要填村民完整的11位手机号。</source>
        <translation>An agent order needs the villager&apos;s full 11-digit mobile number.</translation>
    </message>
    <message>
        <source>请至少填写一件商品。</source>
        <translation>Enter at least one item.</translation>
    </message>
    <message>
        <source>一张订单最多{limit}行商品，请分开登记。</source>
        <translation>An order holds at most {limit} item lines; register the rest as another order.</translation>
    </message>
    <message>
        <source>请填写商品名称。</source>
        <translation>Enter the item name.</translation>
    </message>
    <message>
        <source>商品名称太长了，最多{limit}个字。</source>
        <translation>The item name is too long; at most {limit} characters.</translation>
    </message>
    <message>
        <source>请选择下单平台。</source>
        <translation>Choose the platform to order on.</translation>
    </message>
    <message>
        <source>数量要填整数（件、袋、箱）：{text}</source>
        <translation>The quantity must be a whole number (pieces, bags, boxes): {text}</translation>
    </message>
    <message>
        <source>数量至少是1。</source>
        <translation>The quantity must be at least 1.</translation>
    </message>
    <message>
        <source>数量{quantity}太大了，一行最多{limit}。</source>
        <translation>Quantity {quantity} is too large; at most {limit} per line.</translation>
    </message>
    <message>
        <source>单价必须大于0。</source>
        <translation>The unit price must be more than 0.</translation>
    </message>
    <message>
        <source>订单金额{amount}元太大了，一张代购单最多{limit}元。</source>
        <translation>The order amount of {amount} yuan is too large; an agent order is at most {limit} yuan.</translation>
    </message>
    <message>
        <source>订金{deposit}元不能超过订单总价{total}元。</source>
        <translation>The deposit of {deposit} yuan cannot exceed the order total of {total} yuan.</translation>
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
        <source>收款方式只能是现金、微信、支付宝或银行转账。</source>
        <translation>The payment method can only be cash, WeChat, Alipay or bank transfer.</translation>
    </message>
    <message>
        <source>请填写缴费单位给的回执号（交易流水号）。</source>
        <translation>Enter the reference (transaction number) the biller gave.</translation>
    </message>
    <message>
        <source>回执号不对（最多{limit}个字符）：{text}</source>
        <translation>Invalid reference (at most {limit} characters): {text}</translation>
    </message>
    <message>
        <source>标记失败必须写明原因。</source>
        <translation>Marking a payment failed needs a reason.</translation>
    </message>
    <message>
        <source>“{text}…”太长了，最多{limit}个字。</source>
        <translation>“{text}…” is too long; at most {limit} characters.</translation>
    </message>
    <message>
        <source>这笔缴费还没有提交：请先在缴费单位的网站或App上缴费，标记“处理中”，有了结果再标记“成功”。</source>
        <translation>This payment has not been submitted yet: first pay it on the biller&apos;s website or app and mark it “Processing”; once there is a result, mark it “Succeeded”.</translation>
    </message>
    <message>
        <source>这笔缴费已于{when}由{operator}标记为处理中。</source>
        <translation>This payment was marked processing on {when} by {operator}.</translation>
    </message>
    <message>
        <source>这笔缴费已于{when}由{operator}确认成功（回执号{reference}），不能再改。</source>
        <translation>This payment was confirmed successful on {when} by {operator} (reference {reference}); it can no longer be changed.</translation>
    </message>
    <message>
        <source>这笔缴费已于{when}由{operator}标记为失败，钱已退还。</source>
        <translation>This payment was marked failed on {when} by {operator}; the money was refunded.</translation>
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
    <message>
        <source>这个村不在线路表里，不能发交接单。</source>
        <translation>This village is not in the route table, so no manifest can be sent to it.</translation>
    </message>
    <message>
        <source>{village}没有待发的包裹。</source>
        <translation>No parcels waiting for {village}.</translation>
    </message>
    <message>
        <source>找不到这张交接单。</source>
        <translation>Manifest not found.</translation>
    </message>
    <message>
        <source>文件写不进去（{reason}），请换个位置或检查U盘。</source>
        <translation>The file could not be written ({reason}); choose another place or check the USB stick.</translation>
    </message>
    <message>
        <source>文件太大，不是交接单或到货清单。</source>
        <translation>The file is too large to be a manifest or arrival list.</translation>
    </message>
    <message>
        <source>读不了文件{name}（{reason}）。</source>
        <translation>Cannot read the file {name} ({reason}).</translation>
    </message>
    <message>
        <source>这个文件不是交接单文件。</source>
        <translation>This file is not a manifest file.</translation>
    </message>
    <message>
        <source>这个文件不是到货清单文件。</source>
        <translation>This file is not an arrival list file.</translation>
    </message>
    <message>
        <source>文件内容和校验码对不上：文件可能已损坏或被改动过，不能导入。请让对方重新导出一份。</source>
        <translation>The file&apos;s contents do not match its checksum: it may be damaged or altered and cannot be imported. Ask the sender to export it again.</translation>
    </message>
    <message>
        <source>文件是新版程序（第{version}版格式）导出的，请先升级本程序。</source>
        <translation>The file was exported by a newer version (format {version}); please update this program first.</translation>
    </message>
    <message>
        <source>文件内容格式不对（{field}），不能导入。</source>
        <translation>The file&apos;s contents are malformed ({field}); it cannot be imported.</translation>
    </message>
    <message>
        <source>交接单里有重复的单号，不能导入。</source>
        <translation>The manifest lists a tracking number twice; it cannot be imported.</translation>
    </message>
    <message>
        <source>还有一个包（{label}）没有结束收包，请先结束它。</source>
        <translation>A bag ({label}) is still being received; finish it first.</translation>
    </message>
    <message>
        <source>到货清单最多{limit}件。</source>
        <translation>An arrival list holds at most {limit} parcels.</translation>
    </message>
    <message>
        <source>请先导入到货清单或开始盲收，再扫包裹。</source>
        <translation>Import an arrival list or start receiving without one before scanning parcels.</translation>
    </message>
    <message>
        <source>区划代码{code}不在线路表里，请先在线路表里加上这个村。</source>
        <translation>Division code {code} is not in the route table; add this village to the route table first.</translation>
    </message>
    <message>
        <source>找不到这个包。</source>
        <translation>Bag not found.</translation>
    </message>
    <message>
        <source>现在没有正在收的包。</source>
        <translation>No bag is being received now.</translation>
    </message>
    <message>
        <source>这张交接单是发给{village}（{code}）的，不是本站的，不能导入。</source>
        <translation>This manifest is addressed to {village} ({code}), not to this station; it cannot be imported.</translation>
    </message>
    <message>
        <source>交接单{number}已经导入过了，不用再导入。</source>
        <translation>Manifest {number} was already imported.</translation>
    </message>
    <message>
        <source>交接单{number}已于{when}核对完成，不能重复关闭。</source>
        <translation>Manifest {number} was checked and closed at {when}; it cannot be closed twice.</translation>
    </message>
    <message>
        <source>第{line}行看不懂：每行写“村名 12位区划代码”，可再加站点编号。</source>
        <translation>Line {line} cannot be read: write “village name, 12-digit division code” per line, optionally followed by the station id.</translation>
    </message>
    <message>
        <source>第{line}个村的名称要1–60个字。</source>
        <translation>Village {line}&apos;s name must be 1–60 characters.</translation>
    </message>
    <message>
        <source>第{line}个村（{name}）：{problem}</source>
        <translation>Village {line} ({name}): {problem}</translation>
    </message>
    <message>
        <source>第{line}个村（{name}）的站点编号格式不对。</source>
        <translation>Village {line} ({name}) has a malformed station id.</translation>
    </message>
    <message>
        <source>线路编号要1–16位，只用字母、数字和短横线，如“R01”。</source>
        <translation>A route code is 1–16 letters, digits or dashes, e.g. “R01”.</translation>
    </message>
    <message>
        <source>请填写线路名称（最多40个字）。</source>
        <translation>Enter the route name (at most 40 characters).</translation>
    </message>
    <message>
        <source>一条线路至少要有一个村。</source>
        <translation>A route needs at least one village.</translation>
    </message>
    <message>
        <source>一条线路最多{limit}个村。</source>
        <translation>A route holds at most {limit} villages.</translation>
    </message>
    <message>
        <source>区划代码{code}在这条线路上写了两次。</source>
        <translation>Division code {code} appears twice on this route.</translation>
    </message>
    <message>
        <source>已经有编号为{code}的线路了。</source>
        <translation>There is already a route {code}.</translation>
    </message>
    <message>
        <source>{village}已经在线路“{route}”上了，一个村只能属于一条线路。</source>
        <translation>{village} is already on route “{route}”; a village belongs to one route only.</translation>
    </message>
    <message>
        <source>没有编号为{code}的线路。</source>
        <translation>There is no route {code}.</translation>
    </message>
    <message>
        <source>县里下发的线路表有重复的线路或村，没有应用。</source>
        <translation>The county&apos;s route table lists a route or village twice; it was not applied.</translation>
    </message>
    <message>
        <source>县里下发的线路表格式不对（{where}），没有应用。</source>
        <translation>The route table from the county is not in the right format ({where}); it was not applied.</translation>
    </message>
    <message>
        <source>请先选择要分到哪个村。</source>
        <translation>First choose the village to sort to.</translation>
    </message>
    <message>
        <source>单号{tracking}还没有收包，或已经发出，不能分拣。</source>
        <translation>Tracking no. {tracking} has not been received, or was already dispatched; it cannot be sorted.</translation>
    </message>
    <message>
        <source>收包、分拣和发交接单只在乡镇服务站使用。</source>
        <translation>Receiving, sorting and dispatching manifests are for township stations only.</translation>
    </message>
    <message>
        <source>导入和核对交接单只在村级服务站使用。</source>
        <translation>Importing and checking manifests is for village stations only.</translation>
    </message>
    <message>
        <source>请求模板里必须有 {{phone}}（手机号）和 {{text}}（短信内容）。</source>
        <translation>The request template must contain {{phone}} (the number) and {{text}} (the message).</translation>
    </message>
    <message>
        <source>请求模板不是有效的 JSON：{detail}</source>
        <translation>The request template is not valid JSON: {detail}</translation>
    </message>
    <message>
        <source>JSON 请求模板要用大括号 {{ }} 括起来。</source>
        <translation>A JSON request template must be enclosed in braces {{ }}.</translation>
    </message>
    <message>
        <source>请填写“成功标志”：回答里的字段名，或回答中必须出现的文字。</source>
        <translation>Fill in the “Success marker”: a field name in the answer, or text the answer must contain.</translation>
    </message>
    <message>
        <source>请先填写短信网关地址。</source>
        <translation>Fill in the SMS gateway URL first.</translation>
    </message>
    <message>
        <source>选了需要验证的方式，请填写密钥或密码。</source>
        <translation>The chosen authentication needs a key or password.</translation>
    </message>
    <message>
        <source>请求头名称只能用英文字母、数字和“-”，例如 X-Api-Key。</source>
        <translation>A header name may use only letters, digits and “-”, e.g. X-Api-Key.</translation>
    </message>
    <message>
        <source>测试短信要发到一个11位手机号。</source>
        <translation>The test SMS must go to an 11-digit mobile number.</translation>
    </message>
    <message>
        <source>磁盘空间已满，照片没有保存。</source>
        <translation>The disk is full; the photo was not saved.</translation>
    </message>
    <message>
        <source>照片文件夹不能写入，照片没有保存。</source>
        <translation>The photo folder cannot be written; the photo was not saved.</translation>
    </message>
    <message>
        <source>写照片文件时出错，照片没有保存。</source>
        <translation>Writing the photo file failed; the photo was not saved.</translation>
    </message>
    <message>
        <source>还有一次盘点没有结束（{who}开始的），请先继续或结束它。</source>
        <translation>A stocktake (started by {who}) is not finished; resume or finish it first.</translation>
    </message>
    <message>
        <source>{shelf}号货架不在这次盘点的范围里。</source>
        <translation>Shelf {shelf} is not part of this stocktake.</translation>
    </message>
    <message>
        <source>没有在架的包裹是这个取件码：{code}</source>
        <translation>No parcel on the shelf has the pickup code {code}</translation>
    </message>
    <message>
        <source>不知道它是在哪个货架扫到的。请先选好正在盘点的货架。</source>
        <translation>It is not known which shelf it was scanned on. Choose the shelf you are counting first.</translation>
    </message>
    <message>
        <source>改登记要知道它在哪个货架哪一层扫到的；这一件只能放回原处（已归位）。</source>
        <translation>Re-registering needs the shelf and tier where it was found; this one can only be put back.</translation>
    </message>
    <message>
        <source>请先选好正在盘点的货架和层：包裹就登记在那里。</source>
        <translation>Choose the shelf and tier you are counting first: the parcel is registered there.</translation>
    </message>
    <message>
        <source>单号{tracking}的情况刚刚变了，请重新扫一次。</source>
        <translation>Tracking no. {tracking} has just changed; scan it again.</translation>
    </message>
    <message>
        <source>找不到这次盘点。</source>
        <translation>Stocktake not found.</translation>
    </message>
    <message>
        <source>这次盘点已经结束了。</source>
        <translation>This stocktake has already finished.</translation>
    </message>
    <message>
        <source>单号{tracking}不在待处理的盘点结果里。</source>
        <translation>Tracking no. {tracking} is not among the open findings.</translation>
    </message>
    <message>
        <source>单号{tracking}已经不在架上了（取走或退回）。</source>
        <translation>Tracking no. {tracking} is no longer on the shelf (picked up or returned).</translation>
    </message>
    <message>
        <source>这个包裹不在“未扫到”的名单里。</source>
        <translation>This parcel is not on the “not scanned” list.</translation>
    </message>
    <message>
        <source>发送通知时出现程序错误（{kind}）</source>
        <translation>A program error occurred while sending notices ({kind})</translation>
    </message>
    <message>
        <source>连不上县服务中心，网络恢复后会自动上传。</source>
        <translation>Cannot reach the county centre; uploading resumes when the network is back.</translation>
    </message>
    <message>
        <source>县服务中心长时间没有应答，稍后会自动重试。</source>
        <translation>The county centre did not answer in time; retrying later.</translation>
    </message>
    <message>
        <source>县服务中心暂时出错（{status}），稍后会自动重试。</source>
        <translation>The county centre had a temporary error ({status}); retrying later.</translation>
    </message>
    <message>
        <source>收到的不是县服务中心的应答（可能要先登录网络），稍后会自动重试。</source>
        <translation>The answer did not come from the county centre (a network login may be needed); retrying later.</translation>
    </message>
    <message>
        <source>县服务中心没有收下这批记录，稍后会自动重试。</source>
        <translation>The county centre did not take this batch; retrying later.</translation>
    </message>
    <message>
        <source>县服务中心的台账比本机多，本机可能是从旧备份恢复的，或是新电脑接替了本站。已停止上传；请先从县服务中心恢复缺少的记录，恢复完成前不要在本机记账。</source>
        <translation>The county centre holds more of this station&apos;s ledger than this PC: it may have been restored from an old backup, or a new PC has taken over the station. Uploading has stopped; recover the missing entries from the county centre first, and record nothing on this PC until that is done.</translation>
    </message>
    <message>
        <source>县服务中心已有本站另一份不同的台账：可能另一台电脑正在以本站名义记账，或本机恢复了旧备份后又记了账。已停止上传，本机记录都保留着。请只留一台电脑给本站记账，并联系县服务中心核对。</source>
        <translation>The county centre holds a different ledger for this station: another computer may be recording as this station, or this PC was restored from an old backup and then used. Uploading has stopped; nothing on this PC was removed. Keep only one computer recording for this station and call the county centre.</translation>
    </message>
    <message>
        <source>这个接入码属于另一个服务站，请向县服务中心核对。</source>
        <translation>This enrolment code belongs to another station; please check with the county centre.</translation>
    </message>
    <message>
        <source>县服务中心地址应以 http:// 或 https:// 开头。</source>
        <translation>The county centre address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>接入码应为6到64个字符。</source>
        <translation>An enrolment code has 6 to 64 characters.</translation>
    </message>
    <message>
        <source>请先完成服务站的首次设置，再接入县服务中心。</source>
        <translation>Finish the station&apos;s first-run set-up before enrolling.</translation>
    </message>
    <message>
        <source>这台电脑已经设置过服务站，不能再接替别的服务站。换电脑时请在新电脑上操作。</source>
        <translation>This PC is already set up as a station and cannot take over another one. When changing PCs, do this on the new PC.</translation>
    </message>
    <message>
        <source>本机第{seq}条台账记录与县服务中心的不一样：本机在恢复备份后又记过账，或另一台电脑在以本站名义记账。没有合并任何记录，请联系县服务中心。</source>
        <translation>Ledger entry {seq} on this PC differs from the county centre&apos;s: this PC was used after a restore, or another computer is recording as this station. Nothing was merged; please call the county centre.</translation>
    </message>
    <message>
        <source>从县服务中心取回的第{seq}条台账记录校验不通过，没有导入，请联系县服务中心。</source>
        <translation>Ledger entry {seq} fetched from the county centre failed its check and was not imported; please call the county centre.</translation>
    </message>
    <message>
        <source>从县服务中心取回的台账序号不连续（缺第{seq}条），没有导入，稍后再试。</source>
        <translation>The ledger fetched from the county centre has a gap (entry {seq} is missing) and was not imported; try again later.</translation>
    </message>
    <message>
        <source>从县服务中心取回的台账属于另一个服务站，没有导入，请联系县服务中心。</source>
        <translation>The ledger fetched from the county centre belongs to another station and was not imported; please call the county centre.</translation>
    </message>
    <message>
        <source>本站还没有接入县服务中心，无法从县里恢复台账。</source>
        <translation>This station is not enrolled with the county centre, so its ledger cannot be recovered from there.</translation>
    </message>
    <message>
        <source>县服务中心这次没有给出应有的台账记录，已恢复的部分都保留着，稍后再试。</source>
        <translation>The county centre did not send the entries it should have; what was recovered so far is kept. Try again later.</translation>
    </message>
    <message>
        <source>快递公司识别规则</source>
        <translation>courier recognition rules</translation>
    </message>
    <message>
        <source>寄件资费表</source>
        <translation>sending tariffs</translation>
    </message>
    <message>
        <source>缴费单位表</source>
        <translation>billers list</translation>
    </message>
    <message>
        <source>农产品价格表</source>
        <translation>produce price list</translation>
    </message>
    <message>
        <source>通知公告</source>
        <translation>announcements</translation>
    </message>
    <message>
        <source>线路表</source>
        <translation>route table</translation>
    </message>
    <message>
        <source>县服务中心下发的{kind}（第{version}版）本机用不了，仍用原来的，请告诉县服务中心：{reason}</source>
        <translation>The {kind} from the county centre (version {version}) cannot be used on this PC; the previous ones stay in use. Please tell the county centre: {reason}</translation>
    </message>
    <message>
        <source>内容应是一个对象</source>
        <translation>the content must be an object</translation>
    </message>
    <message>
        <source>县服务中心转来的交接单{number}没有导入：{reason}可以用交接单文件导入。</source>
        <translation>Manifest {number} relayed by the county centre was not imported: {reason} You can import it from the manifest file.</translation>
    </message>
    <message>
        <source>交接单{number}（发往{village}）没能经县服务中心转发：{reason}</source>
        <translation>Manifest {number} (to {village}) could not be relayed through the county centre: {reason}</translation>
    </message>
    <message>
        <source>这台电脑没有在接替服务站，不需要这一步。</source>
        <translation>This PC is not taking over a station; this step is not needed.</translation>
    </message>
    <message>
        <source>请从列表中选择一个站长账号（从县服务中心恢复的账号）。</source>
        <translation>Choose a keeper account from the list (an account restored from the county).</translation>
    </message>
    <message>
        <source>今天已经日结过了（{operator}），明天再结。</source>
        <translation>Today has already been closed ({operator}); close again tomorrow.</translation>
    </message>
    <message>
        <source>有{count}笔缴费还没有结果，请逐笔核对后确认转入下一天，再日结。</source>
        <translation>{count} bill payments have no result yet; check them one by one and confirm carrying them over to the next day, then close the day.</translation>
    </message>
    <message>
        <source>备注太长（最多200个字）。</source>
        <translation>The note is too long (at most 200 characters).</translation>
    </message>
    <message>
        <source>请填写清点到的{method}金额（没有就填0）。</source>
        <translation>Enter the {method} amount you counted (0 if none).</translation>
    </message>
    <message>
        <source>{method}的清点金额不对：{amount}元。</source>
        <translation>The counted {method} amount is not valid: {amount} yuan.</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>微信收款</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝收款</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>请选择收付方式。</source>
        <translation>Choose how the money was paid.</translation>
    </message>
    <message>
        <source>请写明这笔钱的用途或来源。</source>
        <translation>Say what the money was for or where it came from.</translation>
    </message>
    <message>
        <source>说明太长（最多200个字）。</source>
        <translation>The description is too long (at most 200 characters).</translation>
    </message>
    <message>
        <source>金额必须大于0。</source>
        <translation>The amount must be more than 0.</translation>
    </message>
    <message>
        <source>金额不能超过{limit}元。</source>
        <translation>The amount cannot exceed {limit} yuan.</translation>
    </message>
    <message>
        <source>电话：{phone}</source>
        <translation>Tel: {phone}</translation>
    </message>
    <message>
        <source>【重打】{time}</source>
        <translation>[REPRINT] {time}</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>支付方式</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>[二维码]</source>
        <translation>[QR code]</translation>
    </message>
    <message>
        <source>请填写{label}。</source>
        <translation>Please fill in: {label}.</translation>
    </message>
    <message>
        <source>{label}格式不对：{description}。</source>
        <translation>{label} is not in the right format: {description}.</translation>
    </message>
    <message>
        <source>缴费金额必须大于0。</source>
        <translation>The payment amount must be more than 0.</translation>
    </message>
    <message>
        <source>{biller}只能选这几档金额：{choices}。</source>
        <translation>{biller} takes only these amounts: {choices}.</translation>
    </message>
    <message>
        <source>{biller}每笔要在{low}到{high}之间，现在是{amount}。</source>
        <translation>{biller} takes {low} to {high} per payment; this is {amount}.</translation>
    </message>
    <message>
        <source>没有这个缴费单位：{code}，请重新选择。</source>
        <translation>No such biller: {code}; please choose again.</translation>
    </message>
    <message>
        <source>缴费单位表有误：{detail}</source>
        <translation>The billers list is faulty: {detail}</translation>
    </message>
    <message>
        <source>待缴</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>成功</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>缴费单位</source>
        <translation>Biller</translation>
    </message>
    <message>
        <source>户号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>回执号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>失败原因</source>
        <translation>Reason for failure</translation>
    </message>
    <message>
        <source>代缴费凭证</source>
        <translation>Bill payment receipt</translation>
    </message>
    <message>
        <source>服务费</source>
        <translation>Service fee</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>已退还</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>缴费单位已确认。请保管好本凭证，有疑问凭回执号查询。</source>
        <translation>Confirmed by the biller. Keep this receipt; quote the reference with any query.</translation>
    </message>
    <message>
        <source>缴费没有成功，钱已按原方式退还。</source>
        <translation>The payment did not go through; the money was refunded the way it was paid.</translation>
    </message>
    <message>
        <source>本凭证只证明服务站已收款，是否到账以缴费单位确认为准。</source>
        <translation>This receipt only shows that the station took the money; the payment counts once the biller confirms it.</translation>
    </message>
    <message>
        <source>找不到这笔缴费。</source>
        <translation>Bill payment not found.</translation>
    </message>
    <message>
        <source>请输入户号的最后1到4位。</source>
        <translation>Enter the last 1 to 4 digits of the account number.</translation>
    </message>
    <message>
        <source>这笔缴费的完整户号没有保存（已办结，或是从县里恢复的记录）。</source>
        <translation>The full account number of this payment is not kept (it is settled, or the record was restored from the county).</translation>
    </message>
    <message>
        <source>寄件运费</source>
        <translation>Shipment fee</translation>
    </message>
    <message>
        <source>寄件退费</source>
        <translation>Shipment fee refund</translation>
    </message>
    <message>
        <source>零钱收入</source>
        <translation>Petty cash in</translation>
    </message>
    <message>
        <source>零钱支出</source>
        <translation>Petty cash out</translation>
    </message>
    <message>
        <source>代购订金</source>
        <translation>Agent order deposit</translation>
    </message>
    <message>
        <source>代购尾款</source>
        <translation>Agent order balance</translation>
    </message>
    <message>
        <source>代购退款</source>
        <translation>Agent order refund</translation>
    </message>
    <message>
        <source>代缴费</source>
        <translation>Bill payment</translation>
    </message>
    <message>
        <source>代缴服务费</source>
        <translation>Bill payment service fee</translation>
    </message>
    <message>
        <source>代缴费退款</source>
        <translation>Bill payment refund</translation>
    </message>
    <message>
        <source>代缴服务费退款</source>
        <translation>Bill service fee refund</translation>
    </message>
    <message>
        <source>农产品收购付款</source>
        <translation>Produce purchase payment</translation>
    </message>
    <message>
        <source>收购欠款结清</source>
        <translation>Produce debt settled</translation>
    </message>
    <message>
        <source>作废冲回</source>
        <translation>Void reversal</translation>
    </message>
    <message>
        <source>日结单</source>
        <translation>Day close report</translation>
    </message>
    <message>
        <source>营业日</source>
        <translation>Business day</translation>
    </message>
    <message>
        <source>期初现金</source>
        <translation>Opening cash</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已下单</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>已发货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已到站</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>已交付</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>标记已下单</source>
        <translation>mark it as ordered</translation>
    </message>
    <message>
        <source>标记已发货</source>
        <translation>mark it as shipped</translation>
    </message>
    <message>
        <source>标记已到站</source>
        <translation>mark it as arrived</translation>
    </message>
    <message>
        <source>收款交付</source>
        <translation>collect and hand it over</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>cancel it</translation>
    </message>
    <message>
        <source>退款</source>
        <translation>refund it</translation>
    </message>
    <message>
        <source>找不到这张代购订单。</source>
        <translation>Agent order not found.</translation>
    </message>
    <message>
        <source>订单{number}已于{when}交付并收清尾款（{operator}），不能重复收款。</source>
        <translation>Order {number} was handed over and paid in full on {when} ({operator}); it cannot be paid twice.</translation>
    </message>
    <message>
        <source>订单{number}现在是“{status}”（{when}），不能{action}。</source>
        <translation>Order {number} is “{status}” ({when}), so you cannot {action}.</translation>
    </message>
    <message>
        <source>单号{tracking}已登记在代购订单{number}上，请核对。</source>
        <translation>Tracking no. {tracking} is already registered on agent order {number}; please check.</translation>
    </message>
    <message>
        <source>代购登记单</source>
        <translation>Agent order slip</translation>
    </message>
    <message>
        <source>代购交货单</source>
        <translation>Agent order delivery slip</translation>
    </message>
    <message>
        <source>货到后站里会打电话通知，凭此单取货、付清尾款。</source>
        <translation>The station will call you when the goods arrive. Bring this slip to collect them and pay the balance.</translation>
    </message>
    <message>
        <source>货物已当面点清交付。</source>
        <translation>Goods checked and handed over in person.</translation>
    </message>
    <message>
        <source>村民</source>
        <translation>Villager</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>平台订单号</source>
        <translation>Platform order no.</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>商品合计</source>
        <translation>Goods total</translation>
    </message>
    <message>
        <source>订单总价</source>
        <translation>Order total</translation>
    </message>
    <message>
        <source>已收订金</source>
        <translation>Deposit paid</translation>
    </message>
    <message>
        <source>交货时应付尾款</source>
        <translation>Balance due on delivery</translation>
    </message>
    <message>
        <source>本次收尾款</source>
        <translation>Balance paid now</translation>
    </message>
    <message>
        <source>合计已付</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <source>取消订单必须写明原因。</source>
        <translation>Cancelling an order needs a reason.</translation>
    </message>
    <message>
        <source>退款必须写明原因。</source>
        <translation>A refund needs a reason.</translation>
    </message>
    <message>
        <source>请填写平台订单号。</source>
        <translation>Enter the platform order number.</translation>
    </message>
    <message>
        <source>平台订单号不对（最多{limit}个字符）：{text}</source>
        <translation>Invalid platform order number (at most {limit} characters): {text}</translation>
    </message>
    <message>
        <source>退款{amount}元不能超过村民已付的{paid}元。</source>
        <translation>The refund of {amount} yuan cannot exceed the {paid} yuan the villager paid.</translation>
    </message>
    <message>
        <source>退款金额必须大于0。</source>
        <translation>The refund must be more than 0.</translation>
    </message>
    <message>
        <source>测试小票</source>
        <translation>Test receipt</translation>
    </message>
    <message>
        <source>测试商品</source>
        <translation>Test item</translation>
    </message>
    <message>
        <source>能扫出来就说明二维码正常</source>
        <translation>If this scans, the QR code prints correctly</translation>
    </message>
    <message>
        <source>秤断开了，请检查秤的连接线后重试</source>
        <translation>The scale was disconnected; check its cable and try again</translation>
    </message>
    <message>
        <source>秤没有数据，请检查秤是否开机、连接线是否插好</source>
        <translation>No data from the scale; check that it is on and its cable is plugged in</translation>
    </message>
    <message>
        <source>打不开秤的串口 {port}，请检查设置和连接线</source>
        <translation>Cannot open the scale&apos;s serial port {port}; check the settings and the cable</translation>
    </message>
    <message>
        <source>秤还没稳定，请稍等</source>
        <translation>The scale is not steady yet; please wait</translation>
    </message>
    <message>
        <source>超出秤的量程，请分开称</source>
        <translation>Over the scale&apos;s capacity; weigh in parts</translation>
    </message>
    <message>
        <source>秤显示负数，请清空秤盘后置零</source>
        <translation>The scale shows a negative weight; empty the pan and zero it</translation>
    </message>
    <message>
        <source>{product}没有这个等级：{code}，请重新选择。</source>
        <translation>{product} has no such grade: {code}; please choose again.</translation>
    </message>
    <message>
        <source>没有这个农产品：{code}，请重新选择。</source>
        <translation>No such produce: {code}; please choose again.</translation>
    </message>
    <message>
        <source>农产品价格表有误：{detail}</source>
        <translation>The produce price list is faulty: {detail}</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>脱贫户</source>
        <translation>Lifted household</translation>
    </message>
    <message>
        <source>监测对象</source>
        <translation>Monitored household</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>赊账（以后结清）</source>
        <translation>On credit (settle later)</translation>
    </message>
    <message>
        <source>户类型可以先不填，但收购前必须填写。</source>
        <translation>The household type may be left empty for now, but must be filled in before buying.</translation>
    </message>
    <message>
        <source>身份证号应是18位（最后一位可以是X），现在是{count}位。</source>
        <translation>An ID number has 18 characters (the last may be X); this has {count}.</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不对，请核对。</source>
        <translation>The date of birth in the ID number is not valid; please check it.</translation>
    </message>
    <message>
        <source>身份证号校验位不对，请逐位核对（可能输错了一位）。</source>
        <translation>The ID number&apos;s check digit is wrong; check it digit by digit (one may be mistyped).</translation>
    </message>
    <message>
        <source>找不到这位农户。</source>
        <translation>Farmer not found.</translation>
    </message>
    <message>
        <source>请填写农户姓名。</source>
        <translation>Please enter the farmer&apos;s name.</translation>
    </message>
    <message>
        <source>姓名里有不能打印的字符。</source>
        <translation>The name has characters that cannot be printed.</translation>
    </message>
    <message>
        <source>手机号要填完整的11位（不填也可以）。</source>
        <translation>Enter the full 11-digit mobile number (or leave it empty).</translation>
    </message>
    <message>
        <source>请填写农户所在村的12位区划代码。</source>
        <translation>Please enter the 12-digit division code of the farmer&apos;s village.</translation>
    </message>
    <message>
        <source>户类型只能是普通、脱贫户或监测对象。</source>
        <translation>The household type must be regular, lifted household or monitored household.</translation>
    </message>
    <message>
        <source>请选择收款方式：现金、微信、支付宝、银行转账或赊账。</source>
        <translation>Choose how the farmer is paid: cash, WeChat, Alipay, bank transfer or on credit.</translation>
    </message>
    <message>
        <source>这个身份证号已登记为农户{name}。</source>
        <translation>This ID number is already registered to farmer {name}.</translation>
    </message>
    <message>
        <source>县供销中心</source>
        <translation>County supply centre</translation>
    </message>
    <message>
        <source>收购商</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>收购中</source>
        <translation>Buying</translation>
    </message>
    <message>
        <source>已封批</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>已发运</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>找不到这个批次。</source>
        <translation>Lot not found.</translation>
    </message>
    <message>
        <source>批次{code}已于{when}发运，不能再{action}。</source>
        <translation>Lot {code} was shipped on {when}; it can no longer be {action}.</translation>
    </message>
    <message>
        <source>请至少填写一份要拆出的重量。</source>
        <translation>Enter the weight of at least one part to split off.</translation>
    </message>
    <message>
        <source>一次最多拆成{limit}份，请分几次拆。</source>
        <translation>At most {limit} parts at a time; split in several steps.</translation>
    </message>
    <message>
        <source>第{row}份的重量必须大于0。</source>
        <translation>The weight of part {row} must be more than 0.</translation>
    </message>
    <message>
        <source>第{row}份的重量太大了：{weight}。</source>
        <translation>The weight of part {row} is too large: {weight}.</translation>
    </message>
    <message>
        <source>批次只剩{held}，不能拆出{asked}。</source>
        <translation>Only {held} is left in the lot; {asked} cannot be split off.</translation>
    </message>
    <message>
        <source>请填写发往的单位（公司或市场名称）。</source>
        <translation>Enter where it is shipped to (company or market name).</translation>
    </message>
    <message>
        <source>单位名称太长了，最多{limit}个字。</source>
        <translation>The name is too long ({limit} characters at most).</translation>
    </message>
    <message>
        <source>拆分</source>
        <translation>split</translation>
    </message>
    <message>
        <source>发运</source>
        <translation>shipped</translation>
    </message>
    <message>
        <source>请选择发往县供销中心还是收购商。</source>
        <translation>Choose the county supply centre or a buyer.</translation>
    </message>
    <message>
        <source>批次{code}里已经没有货了，不能发运。</source>
        <translation>Lot {code} is empty; nothing to ship.</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>净重</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>拆自批次</source>
        <translation>Split from lot</translation>
    </message>
    <message>
        <source>溯源码 {code}</source>
        <translation>Trace code {code}</translation>
    </message>
    <message>
        <source>批次标签</source>
        <translation>Lot label</translation>
    </message>
    <message>
        <source>今天没有{product}{grade}的收购价，请先设定当日价格。</source>
        <translation>No purchase price today for {product}{grade}; set today&apos;s price first.</translation>
    </message>
    <message>
        <source>收购价必须大于0。</source>
        <translation>The purchase price must be more than 0.</translation>
    </message>
    <message>
        <source>收购价不能超过{limit}元。</source>
        <translation>The purchase price cannot exceed {limit} yuan.</translation>
    </message>
    <message>
        <source>价格单位只能是每斤或每公斤。</source>
        <translation>The price unit must be per jin or per kg.</translation>
    </message>
    <message>
        <source>找不到这位农户，请先在农户资料里登记。</source>
        <translation>Farmer not found; register them under Farmers first.</translation>
    </message>
    <message>
        <source>请先在农户资料里填写户类型（普通、脱贫户或监测对象），再收购。</source>
        <translation>Set the farmer&apos;s household type (regular, lifted or monitored) under Farmers before buying.</translation>
    </message>
    <message>
        <source>付款方式只能是现金、微信、支付宝、银行转账或赊账。</source>
        <translation>Payment must be cash, WeChat, Alipay, bank transfer or on credit.</translation>
    </message>
    <message>
        <source>收购单{number}已经作废了。</source>
        <translation>Purchase {number} is already voided.</translation>
    </message>
    <message>
        <source>收购单{number}已经结清，不能作废。</source>
        <translation>Purchase {number} is already settled and cannot be voided.</translation>
    </message>
    <message>
        <source>这笔收购所在的批次已拆分或发运，不能作废。</source>
        <translation>This purchase&apos;s lot has been split or shipped; it cannot be voided.</translation>
    </message>
    <message>
        <source>找不到这笔收购。</source>
        <translation>Purchase not found.</translation>
    </message>
    <message>
        <source>转账</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>赊账</source>
        <translation>On credit</translation>
    </message>
    <message>
        <source>斤</source>
        <translation>jin</translation>
    </message>
    <message>
        <source>公斤</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>农产品收购单</source>
        <translation>Produce purchase slip</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>收购欠款结算单</source>
        <translation>Produce credit settlement slip</translation>
    </message>
    <message>
        <source>农户</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <source>结清赊账</source>
        <translation>Credit purchases settled</translation>
    </message>
    <message>
        <source>{count}笔</source>
        <translation>{count}</translation>
    </message>
    <message>
        <source>抵扣 {number}</source>
        <translation>Offset {number}</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>以上赊账已全部结清。</source>
        <translation>The purchases on credit above are settled in full.</translation>
    </message>
    <message>
        <source>抵扣的金额已记入代购订单，取货时只付剩下的尾款。</source>
        <translation>The offset is credited to the agent order: only the rest of the balance is paid on collection.</translation>
    </message>
    <message>
        <source>欠款全部用代购订单抵扣，本次不付钱。</source>
        <translation>All that was owed is offset against agent orders: nothing is paid now.</translation>
    </message>
    <message>
        <source>第{n}筐</source>
        <translation>Crate {n}</translation>
    </message>
    <message>
        <source>毛重{gross} 皮重{tare}</source>
        <translation>Gross {gross} Tare {tare}</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>毛重合计</source>
        <translation>Total gross</translation>
    </message>
    <message>
        <source>皮重合计</source>
        <translation>Total tare</translation>
    </message>
    <message>
        <source>扣杂</source>
        <translation>Impurity</translation>
    </message>
    <message>
        <source>扣水</source>
        <translation>Moisture</translation>
    </message>
    <message>
        <source>扣重</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>{price}元/{unit}</source>
        <translation>{price} yuan/{unit}</translation>
    </message>
    <message>
        <source>此单已作废：{reason}</source>
        <translation>This slip is void: {reason}</translation>
    </message>
    <message>
        <source>本单赊账，结账时请带上此单。</source>
        <translation>Owed on credit; bring this slip when settling.</translation>
    </message>
    <message>
        <source>标“手工”的重量为手工录入。</source>
        <translation>Weights marked “Manual” were typed in.</translation>
    </message>
    <message>
        <source>普通户</source>
        <translation>Regular households</translation>
    </message>
    <message>
        <source>按日期</source>
        <translation>By date</translation>
    </message>
    <message>
        <source>按农户</source>
        <translation>By farmer</translation>
    </message>
    <message>
        <source>按村</source>
        <translation>By village</translation>
    </message>
    <message>
        <source>按品种</source>
        <translation>By product</translation>
    </message>
    <message>
        <source>按等级</source>
        <translation>By grade</translation>
    </message>
    <message>
        <source>按户类型</source>
        <translation>By household</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>品种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>品种等级</source>
        <translation>Product grade</translation>
    </message>
    <message>
        <source>户类型</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>帮扶汇总</source>
        <translation>Assistance summary</translation>
    </message>
    <message>
        <source>农产品收购报表</source>
        <translation>Produce purchase report</translation>
    </message>
    <message>
        <source>农产品收购汇总</source>
        <translation>Produce purchase summary</translation>
    </message>
    <message>
        <source>日期“{day}”不对，应写成2026-11-23这样的格式。</source>
        <translation>Invalid date “{day}”; write it like 2026-11-23.</translation>
    </message>
    <message>
        <source>开始日期{day_from}不能晚于结束日期{day_to}。</source>
        <translation>The start date {day_from} cannot be after the end date {day_to}.</translation>
    </message>
    <message>
        <source>报表没能保存到“{path}”：磁盘已满或没有写入权限（{reason}）。请换一个位置（如U盘）再导出。</source>
        <translation>The report could not be saved to “{path}”: the disk is full or not writable ({reason}). Choose another place (e.g. a USB stick) and export again.</translation>
    </message>
    <message>
        <source>收购笔数</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>农户数</source>
        <translation>Farmers</translation>
    </message>
    <message>
        <source>净重（公斤）</source>
        <translation>Net (kg)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>脱贫户和监测对象合计</source>
        <translation>Lifted and monitored total</translation>
    </message>
    <message>
        <source>全部农户（对照）</source>
        <translation>All farmers (for comparison)</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>净重合计</source>
        <translation>Total net</translation>
    </message>
    <message>
        <source>帮扶合计</source>
        <translation>Assisted total</translation>
    </message>
    <message>
        <source>收购金额合计</source>
        <translation>Total purchase amount</translation>
    </message>
    <message>
        <source>其中帮扶对象</source>
        <translation>of which assisted</translation>
    </message>
    <message>
        <source>找不到这次结账。</source>
        <translation>Settlement not found.</translation>
    </message>
    <message>
        <source>这位农户没有赊账，不用结账。</source>
        <translation>This farmer has nothing owed; no need to settle.</translation>
    </message>
    <message>
        <source>赊账超过{limit}笔，请联系县服务中心处理。</source>
        <translation>More than {limit} purchases on credit; contact the county centre.</translation>
    </message>
    <message>
        <source>赊账金额太大，请联系县服务中心处理。</source>
        <translation>The amount owed is too large; contact the county centre.</translation>
    </message>
    <message>
        <source>一次最多抵扣{limit}张订单。</source>
        <translation>At most {limit} orders can be offset at a time.</translation>
    </message>
    <message>
        <source>这张代购订单不能抵扣：找不到，或已不欠款，或重复了。</source>
        <translation>This agent order cannot be offset: not found, nothing owed, or listed twice.</translation>
    </message>
    <message>
        <source>抵扣金额必须大于0。</source>
        <translation>The offset must be more than 0.</translation>
    </message>
    <message>
        <source>订单{number}只欠{balance}，不能抵扣{amount}。</source>
        <translation>Order {number} owes only {balance}; {amount} cannot be offset.</translation>
    </message>
    <message>
        <source>抵扣合计{netted}，超过了欠农户的{owed}。</source>
        <translation>Offsets total {netted}, more than the {owed} owed to the farmer.</translation>
    </message>
    <message>
        <source>请选择付给农户的方式。</source>
        <translation>Choose how the farmer is paid.</translation>
    </message>
    <message>
        <source>扣除比例不能为负数：{text}</source>
        <translation>A deduction cannot be negative: {text}</translation>
    </message>
    <message>
        <source>扣除比例格式不对：{text}（如 1.5 或 1.5%）</source>
        <translation>Invalid deduction: {text} (e.g. 1.5 or 1.5%)</translation>
    </message>
    <message>
        <source>扣除比例最多两位小数：{text}</source>
        <translation>A deduction has at most two decimal places: {text}</translation>
    </message>
    <message>
        <source>扣除比例必须小于100%：{text}</source>
        <translation>A deduction must be under 100%: {text}</translation>
    </message>
    <message>
        <source>扣除比例要在0到100%之间（不含100%）。</source>
        <translation>A deduction must be between 0 and 100% (not 100%).</translation>
    </message>
    <message>
        <source>扣杂和扣水加起来不能达到100%。</source>
        <translation>Impurity and moisture together cannot reach 100%.</translation>
    </message>
    <message>
        <source>还没有称重，请先过磅。</source>
        <translation>Nothing weighed yet; weigh first.</translation>
    </message>
    <message>
        <source>一笔收购最多{limit}筐，请分成几笔。</source>
        <translation>At most {limit} crates per purchase; split it into several.</translation>
    </message>
    <message>
        <source>一笔收购不能超过50吨，请核对重量。</source>
        <translation>A purchase cannot exceed 50 tonnes; check the weight.</translation>
    </message>
    <message>
        <source>扣除后净重为0，请核对重量和扣除比例。</source>
        <translation>Net weight is 0 after deductions; check the weight and deductions.</translation>
    </message>
    <message>
        <source>收购价不对，请重新设定当日价格。</source>
        <translation>The purchase price is wrong; set today&apos;s price again.</translation>
    </message>
    <message>
        <source>这笔收购金额不足1分钱，请核对重量和价格。</source>
        <translation>This purchase comes to less than 1 fen; check the weight and price.</translation>
    </message>
    <message>
        <source>这笔收购金额太大，请核对重量和价格。</source>
        <translation>This purchase amount is too large; check the weight and price.</translation>
    </message>
    <message>
        <source>第{n}筐毛重必须大于0。</source>
        <translation>Crate {n}: the gross weight must be more than 0.</translation>
    </message>
    <message>
        <source>第{n}筐毛重太大，请核对。</source>
        <translation>Crate {n}: the gross weight is too large; please check.</translation>
    </message>
    <message>
        <source>第{n}筐皮重不能为负数。</source>
        <translation>Crate {n}: the tare cannot be negative.</translation>
    </message>
    <message>
        <source>第{n}筐皮重不能大于等于毛重。</source>
        <translation>Crate {n}: the tare must be less than the gross weight.</translation>
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
    <name>notifications</name>
    <message>
        <source>待发</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>发送中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>已发</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>打印清单</source>
        <translation>Printed list</translation>
    </message>
    <message>
        <source>剪贴板</source>
        <translation>Clipboard</translation>
    </message>
    <message>
        <source>到件通知</source>
        <translation>Arrival notice</translation>
    </message>
    <message>
        <source>滞留提醒</source>
        <translation>Overdue reminder</translation>
    </message>
    <message>
        <source>待发 {count}</source>
        <translation>{count} waiting</translation>
    </message>
    <message>
        <source>待打印 {count}</source>
        <translation>{count} to print</translation>
    </message>
    <message>
        <source>待复制 {count}</source>
        <translation>{count} to copy</translation>
    </message>
    <message>
        <source>失败 {count}</source>
        <translation>{count} failed</translation>
    </message>
    <message>
        <source>未设置短信网关</source>
        <translation>no SMS gateway set</translation>
    </message>
    <message>
        <source>通知：都已发出</source>
        <translation>Notices: all sent</translation>
    </message>
    <message>
        <source>通知：</source>
        <translation>Notices: </translation>
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
        <source>已丢失</source>
        <translation>Lost</translation>
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
    <name>produce</name>
    <message>
        <source>本村</source>
        <translation>This village</translation>
    </message>
    <message>
        <source>{jin}（{kg}）</source>
        <translation>{jin} ({kg})</translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <source>打印机连接不上：{target}（{reason}）</source>
        <translation>Cannot connect to the printer: {target} ({reason})</translation>
    </message>
    <message>
        <source>打印机地址不对：{target}</source>
        <translation>Invalid printer address: {target}</translation>
    </message>
    <message>
        <source>小票 {width} mm</source>
        <translation>Receipt {width} mm</translation>
    </message>
    <message>
        <source>打印机没有响应</source>
        <translation>The printer does not respond</translation>
    </message>
    <message>
        <source>打印机报错</source>
        <translation>Printer error</translation>
    </message>
    <message>
        <source>小票</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>sending</name>
    <message>
        <source>已收件</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已揽收</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>银行卡</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>赊账</source>
        <translation>On account</translation>
    </message>
    <message>
        <source>揽收</source>
        <translation>Collect</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>寄往</source>
        <translation>To</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>重量</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>运费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>收件时间</source>
        <translation>Accepted at</translation>
    </message>
</context>
<context>
    <name>stocktake</name>
    <message>
        <source>全站所有货架</source>
        <translation>All shelves</translation>
    </message>
    <message>
        <source>{shelves}号货架</source>
        <translation>Shelves {shelves}</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>（本机时钟与县中心相差 {minutes} 分钟）</source>
        <translation> (this PC&apos;s clock is {minutes} minutes off the county centre&apos;s)</translation>
    </message>
    <message>
        <source>未接入县中心</source>
        <translation>Not enrolled with the county</translation>
    </message>
    <message>
        <source>同步已停止：请重新接入县中心</source>
        <translation>Sync stopped: enrol with the county again</translation>
    </message>
    <message>
        <source>同步已停止：请联系县中心</source>
        <translation>Sync stopped: contact the county centre</translation>
    </message>
    <message>
        <source>离线（尚未同步过）</source>
        <translation>Offline (never synced)</translation>
    </message>
    <message>
        <source>离线（上次同步 {time}）</source>
        <translation>Offline (last sync {time})</translation>
    </message>
    <message>
        <source>待上传 {count} 条</source>
        <translation>{count} to upload</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
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
        <source>换电脑接替服务站</source>
        <translation>Station taken over by a new PC</translation>
    </message>
    <message>
        <source>零钱收入</source>
        <translation>Petty cash in</translation>
    </message>
    <message>
        <source>零钱支出</source>
        <translation>Petty cash out</translation>
    </message>
    <message>
        <source>日结</source>
        <translation>Day close</translation>
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
    <message>
        <source>包裹入库</source>
        <translation>Parcel checked in</translation>
    </message>
    <message>
        <source>包裹取走</source>
        <translation>Parcel picked up</translation>
    </message>
    <message>
        <source>更正快递公司</source>
        <translation>Courier corrected</translation>
    </message>
    <message>
        <source>退件</source>
        <translation>Returned to courier</translation>
    </message>
    <message>
        <source>包裹丢失</source>
        <translation>Parcel lost</translation>
    </message>
    <message>
        <source>包裹改登记</source>
        <translation>Parcel re-registered</translation>
    </message>
    <message>
        <source>收寄件</source>
        <translation>Shipment accepted</translation>
    </message>
    <message>
        <source>寄件揽收</source>
        <translation>Shipment collected</translation>
    </message>
    <message>
        <source>取消寄件</source>
        <translation>Cancel shipment</translation>
    </message>
    <message>
        <source>开始盘点</source>
        <translation>Start stocktake</translation>
    </message>
    <message>
        <source>结束盘点</source>
        <translation>Finish stocktake</translation>
    </message>
    <message>
        <source>盘点归位</source>
        <translation>Put back in stocktake</translation>
    </message>
    <message>
        <source>保存线路</source>
        <translation>Route saved</translation>
    </message>
    <message>
        <source>删除线路</source>
        <translation>Route deleted</translation>
    </message>
    <message>
        <source>开始收包</source>
        <translation>Bag opened</translation>
    </message>
    <message>
        <source>收包扫描</source>
        <translation>Bag scan</translation>
    </message>
    <message>
        <source>分拣</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>结束收包</source>
        <translation>Bag closed</translation>
    </message>
    <message>
        <source>发出交接单</source>
        <translation>Manifest dispatched</translation>
    </message>
    <message>
        <source>导入交接单</source>
        <translation>Manifest imported</translation>
    </message>
    <message>
        <source>核对交接单</source>
        <translation>Manifest checked</translation>
    </message>
    <message>
        <source>代购登记</source>
        <translation>Agent order registered</translation>
    </message>
    <message>
        <source>代购已下单</source>
        <translation>Agent order placed</translation>
    </message>
    <message>
        <source>代购已发货</source>
        <translation>Agent order shipped</translation>
    </message>
    <message>
        <source>代购到站</source>
        <translation>Agent order arrived</translation>
    </message>
    <message>
        <source>代购交付</source>
        <translation>Agent order delivered</translation>
    </message>
    <message>
        <source>取消代购</source>
        <translation>Agent order cancelled</translation>
    </message>
    <message>
        <source>代购退款</source>
        <translation>Agent order refunded</translation>
    </message>
    <message>
        <source>代缴费收款</source>
        <translation>Bill payment taken</translation>
    </message>
    <message>
        <source>代缴费处理中</source>
        <translation>Bill payment processing</translation>
    </message>
    <message>
        <source>代缴费成功</source>
        <translation>Bill payment succeeded</translation>
    </message>
    <message>
        <source>代缴费失败退款</source>
        <translation>Bill payment failed, refunded</translation>
    </message>
    <message>
        <source>登记农户</source>
        <translation>Farmer registered</translation>
    </message>
    <message>
        <source>修改农户</source>
        <translation>Farmer edited</translation>
    </message>
    <message>
        <source>设定收购价</source>
        <translation>Purchase price set</translation>
    </message>
    <message>
        <source>农产品收购</source>
        <translation>Produce purchase</translation>
    </message>
    <message>
        <source>结清收购欠款</source>
        <translation>Produce debt settled</translation>
    </message>
    <message>
        <source>新建批次</source>
        <translation>Lot created</translation>
    </message>
    <message>
        <source>拆分批次</source>
        <translation>Lot split</translation>
    </message>
    <message>
        <source>批次发运</source>
        <translation>Lot shipped</translation>
    </message>
</context>
</TS>
