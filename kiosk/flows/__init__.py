"""The kiosk's visits as Qt-free state machines: each flow holds its state and the citizen's data, moves
on events (a tap, a card, a scan), and runs its blocking step (`issue()`, `print_()`, `lookup()` …)
when the page calls it off the GUI thread. Tested without a QApplication."""
