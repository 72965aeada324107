"""Transposed & Dilated, one renderer per tab."""
