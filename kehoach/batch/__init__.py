"""Batch machinery around `pipeline.process_file`: cache, per-file limits, executors, run manifest."""
