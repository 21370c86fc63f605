"""Qt-free view models: what each screen shows, computed from center snapshots and events."""
