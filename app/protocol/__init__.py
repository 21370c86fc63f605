"""The one protocol between terminals and the center: typed push ops (`ops`), the rows an op stands for
(`rows`, used by the terminal's local write and the center's apply alike) and the API's requests and
answers (`api`). Qt-free; pydantic only."""
