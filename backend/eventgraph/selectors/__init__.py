"""Reads of the event graph. Every selector takes the querysets of reports and disputes the caller
may see (`visible`, keyed by model label) and shows nothing else."""

from backend.eventgraph.selectors.items import ItemView, Visible
from backend.eventgraph.selectors.neighbourhood import Edge, Graph, GraphNode, neighbourhood
from backend.eventgraph.selectors.repeated import RepeatedParty, repeated_parties
from backend.eventgraph.selectors.warnings import EarlyWarning, early_warnings

__all__ = [
    "EarlyWarning",
    "Edge",
    "Graph",
    "GraphNode",
    "ItemView",
    "RepeatedParty",
    "Visible",
    "early_warnings",
    "neighbourhood",
    "repeated_parties",
]
