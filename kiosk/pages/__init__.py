"""The kiosk's Qt pages: thin views of the flows in kiosk/flows. Each page rebuilds its body from its
flow's state (`render()`), so a language switch or the elderly mode applies at once."""
