"""The counter's Qt window (clerk) and its customer-facing window (citizen): thin views of
app.counter.service; every service call runs off the GUI thread."""
