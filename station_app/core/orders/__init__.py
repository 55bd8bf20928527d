"""Agent orders (代购): goods a keeper orders online for a villager, paid partly now
(订金) and the rest when handed over.

States 登记 → 已下单 → 已发货 → 已到站 → 已交付, or 已取消 / 已退款; every step is one
transaction with its ledger entry, checks first. The modules are imported one by one
(this package imports nothing) so that check-in, on its hot path, loads only
:mod:`.arrival`.
"""
