"""Non-widget classes that stand between the screens and the core: they open the
transactions, call the core services and hand back plain snapshots."""
