"""What the station and the county centre share: the wire protocol and its hashing."""
