"""`hall demo`: the whole hall on one machine (interactive windows, or an offscreen scripted day)."""
