FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY govgraph govgraph
COPY graph graph
COPY ingest ingest
COPY api api
COPY viz viz
COPY examples examples
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["govgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
