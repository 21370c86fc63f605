"""Printing without Qt: ESC/POS tickets and receipts, PDF notices."""
