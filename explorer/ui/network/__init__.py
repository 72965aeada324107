"""Network, one renderer per tab, and the session's model."""
