"""Bill payments (代缴费 / 充值): billers as county data, payments from 待缴 to 成功 or 失败."""
