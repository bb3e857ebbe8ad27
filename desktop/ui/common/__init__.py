"""What every area shares.

Form helpers, labels and cards, SLA pills, PDF preview, the base table model, background work.
"""
