"""The cash book (钱箱账): every money movement of every module, and the day close (日结)."""
