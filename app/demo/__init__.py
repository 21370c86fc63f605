"""The demo hall: a scripted day through the real center, terminals and devices."""
