"""Township manifests (交接单): routes, bags received from the county, sorting, manifests
dispatched to villages, and the village's reconciliation of what arrived."""
