"""Interactive graph pages (pyvis / vis-network): a recommendation's lineage, a board's
meetings over time, a person or role, a meeting, and the neighbourhood of any node.

``viz.data`` gathers what a view needs from a store, ``viz.build`` turns query answers
into pyvis networks, ``viz.render`` into offline HTML pages, ``viz.routes`` serves them
(FastAPI ``router``), ``viz.cli.write_view`` writes one to a file.
"""
