"""What every area shares: form helpers, labels and cards, SLA pills, PDF preview, table models, role tabs, background work."""
