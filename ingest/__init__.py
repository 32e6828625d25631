"""Documents in, graph records out: readers -> extract -> resolve."""
