"""govgraph: a knowledge graph of governance accountability built from meeting minutes.

The flow is visible in the package layout:
``ingest.readers`` -> ``ingest.extract`` -> ``ingest.resolve`` -> ``graph`` stores -> ``api``, ``viz``.
"""

__version__ = "0.1.0"
