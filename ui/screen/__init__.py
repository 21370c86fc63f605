"""The public queue display and (later) the manager console."""
