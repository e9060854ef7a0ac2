"""The workflow engine: every process is a declared state machine (see declarations.py) that one
engine (engine.py) runs, so that a changed rule is an edited declaration, not a new code path."""
