"""The query mix of issue 7, for both engines, built from the fixture (bench/fixture.py).

Each query is a list of calls — (user, document, variables) — that make up one "request" of the
mix: one HTTP request everywhere except (4b), Zhili's dashboard from list totalCounts, which needs
several (15 aliases a document). (4b) has no PostGraphile counterpart of its own.
Write queries take a fresh call list on every request (`calls(i)`), so they cycle through their
dedicated bench rows.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Call = tuple[str, str, dict[str, Any]]  # (fixture user key, GraphQL document, variables)

ZHILI_LIST = """query List($status: String!) {
  disputes(filters: {status: {exact: $status}}, ordering: [{deadline: ASC}, {id: ASC}],
           pagination: {offset: 0, limit: 50}) {
    totalCount
    results { id number title status deadline
              type { code name } area { code name } handlingUnit { id name } }
  }
}"""

PG_LIST = """query List($status: String!) {
  allDisputesDisputes(condition: {status: $status}, orderBy: [DEADLINE_ASC, PRIMARY_KEY_ASC],
                      first: 50) {
    totalCount
    nodes { rowId number title status deadline
            codesCodeByTypeId { code name } areasAreaByAreaId { code name }
            orgUnitByHandlingUnitId { rowId name } }
  }
}"""

ZHILI_DETAIL = """query Detail($id: ID!) {
  dispute(id: $id) {
    id number title status deadline summary
    parties { id role name phone idNumber isMainParty }
    records { id heldAt place content result }
    evidence { id originalName contentType size }
  }
}"""

PG_DETAIL = """query Detail($id: BigInt!) {
  disputesDisputeByRowId(rowId: $id) {
    rowId number title status deadline summary
    disputesDisputepartiesByDisputeId { nodes { rowId role name phone idNumber isMainParty } }
    disputesMediationrecordsByDisputeId { nodes { rowId heldAt place content result } }
    evidenceEvidencesByDisputeId { nodes { rowId originalName contentType size } }
  }
}"""

ZHILI_INBOX = """query Inbox($unit: ID!) {
  reports(filters: {currentUnit: $unit}, ordering: [{deadline: ASC}, {id: ASC}],
          pagination: {offset: 0, limit: 50}) {
    totalCount
    results { id number title status deadline category { code name } area { code name } }
  }
}"""

PG_INBOX = """query Inbox($unit: BigInt!) {
  allReportsReports(condition: {currentUnitId: $unit}, orderBy: [DEADLINE_ASC, PRIMARY_KEY_ASC],
                    first: 50) {
    totalCount
    nodes { rowId number title status deadline
            reportsReportcategoryByCategoryId { code name } areasAreaByAreaId { code name } }
  }
}"""

ZHILI_CITY = """query City {
  disputes(ordering: [{registeredOn: DESC}, {id: DESC}], pagination: {offset: 0, limit: 50}) {
    totalCount
    results { id number title status registeredOn area { name } handlingUnit { name } }
  }
}"""

PG_CITY = """query City {
  allDisputesDisputes(orderBy: [REGISTERED_ON_DESC, PRIMARY_KEY_DESC], first: 50) {
    totalCount
    nodes { rowId number title status registeredOn
            areasAreaByAreaId { name } orgUnitByHandlingUnitId { name } }
  }
}"""

PG_DASHBOARD = """query Dashboard($area: BigInt!) {
  disputeDashboard(area: $area) { nodes { kind key label total finished resolved } }
}"""

ZHILI_STATISTICS = """query Dashboard($area: String!) {
  disputeStatistics(areaCode: $area) {
    total
    resolution { finished resolved rate }
    byType { code name count }
    byStatus { status label count }
    byTownship { area { code name } total finished resolved rate }
  }
}"""

ZHILI_UPDATE = """mutation Update($id: ID!, $summary: String!) {
  updateDispute(data: {id: $id, summary: $summary}) {
    ... on Dispute { id summary updatedAt }
    ... on OperationInfo { messages { field message } }
  }
}"""

PG_UPDATE = """mutation Update($id: BigInt!, $summary: String!, $at: Datetime!) {
  updateDisputesDisputeByRowId(input: {rowId: $id, disputesDisputePatch: {summary: $summary,
                                                                          updatedAt: $at}}) {
    disputesDispute { rowId summary updatedAt }
  }
}"""

ZHILI_DISPATCH = """mutation Dispatch($id: ID!, $unit: ID!) {
  dispatchReport(data: {id: $id, unitId: $unit}) {
    ... on Report { id status }
    ... on OperationInfo { messages { field message } }
  }
}"""

ZHILI_RETURN = """mutation Return($id: ID!) {
  returnReport(data: {id: $id, reason: "不属于本单位职责（压测往返）"}) {
    ... on Report { id status }
    ... on OperationInfo { messages { field message } }
  }
}"""

PG_DISPATCH = """mutation Dispatch($id: BigInt!, $unit: BigInt!) {
  dispatchReport(input: {reportId: $id, unitId: $unit}) { result { rowId status } }
}"""

PG_RETURN = """mutation Return($id: BigInt!) {
  returnReport(input: {reportId: $id, reason: "不属于本单位职责（压测往返）"}) {
    result { rowId status }
  }
}"""

ALIASES_PER_REQUEST = 15  # Zhili's alias limit per document


def _count_field(alias: str, filters: str) -> str:
    return f"  {alias}: disputes(filters: {{{filters}}}) {{ totalCount }}"


def dashboard_documents(fx: dict) -> list[str]:
    """Zhili's county dashboard from list totalCounts (the way before disputeStatistics): status
    counts, first-level type counts, and total / closed per township, 15 aliases a request."""
    area = fx["county_area"]
    fields = [
        _count_field(f"s_{s}", f'area: "{area}", status: {{exact: "{s}"}}') for s in fx["statuses"]
    ]
    fields += [_count_field(f"t_{t}", f'area: "{area}", typeCode: "{t}"') for t in fx["type_codes"]]
    for town in fx["townships"]:
        fields.append(_count_field(f"a_{town}", f'area: "{town}"'))
        fields.append(_count_field(f"c_{town}", f'area: "{town}", status: {{exact: "closed"}}'))
    chunks = [
        fields[i : i + ALIASES_PER_REQUEST] for i in range(0, len(fields), ALIASES_PER_REQUEST)
    ]
    return ["query Dashboard {\n" + "\n".join(chunk) + "\n}" for chunk in chunks]


@dataclass
class Query:
    name: str
    label: str
    write: bool
    calls: dict[str, Callable[[int], list[Call]]]  # engine → calls of request number i


def _fixed(*calls: Call) -> Callable[[int], list[Call]]:
    return lambda i: list(calls)


def _cycle(rows: list[Any], make: Callable[[Any, int], list[Call]]) -> Callable[[int], list[Call]]:
    return lambda i: make(rows[i % len(rows)], i)


def _update(engine: str) -> Callable[[Any, int], list[Call]]:
    document = ZHILI_UPDATE if engine == "zhili" else PG_UPDATE

    def make(row: int, i: int) -> list[Call]:
        variables: dict[str, Any] = {
            "id": str(row),
            "summary": f"压测更新 {engine} #{i}：当事人同意再次调解。",
        }
        if engine != "zhili":
            variables["at"] = "2026-11-01T09:00:00+08:00"
        return [("township", document, variables)]

    return make


class TransitionRows:
    """Bench reports going round dispatch (township centre) → return (the unit), one step per
    request; each row remembers its state, so a second run goes on where the last one stopped."""

    def __init__(self, engine: str, rows: list[dict[str, Any]], unit_id: int) -> None:
        self.engine, self.rows, self.unit_id = engine, rows, unit_id

    def __call__(self, i: int) -> list[Call]:
        row = self.rows[i % len(self.rows)]
        zhili = self.engine == "zhili"
        if row["status"] in ("registered", "returned"):
            row["status"] = "dispatched"
            document = ZHILI_DISPATCH if zhili else PG_DISPATCH
            return [("township", document, {"id": str(row["id"]), "unit": str(self.unit_id)})]
        row["status"] = "returned"
        return [("unit", ZHILI_RETURN if zhili else PG_RETURN, {"id": str(row["id"])})]


def build_mix(fx: dict, engines: tuple[str, ...] = ("zhili", "postgraphile")) -> list[Query]:
    status, unit = fx["list_status"], str(fx["inbox_unit_id"])
    dashboard: list[Call] = [("county", doc, {}) for doc in dashboard_documents(fx)]
    queries = [
        Query("1-list", "(1) township list, 50, status, by deadline, totalCount", False, {
            "zhili": _fixed(("township", ZHILI_LIST, {"status": status})),
            "postgraphile": _fixed(("township", PG_LIST, {"status": status}))}),
        Query("2-detail", "(2) one dispute + parties, records, evidence", False, {
            "zhili": _fixed(("township", ZHILI_DETAIL, {"id": str(fx["dispute_id"])})),
            "postgraphile": _fixed(("township", PG_DETAIL, {"id": str(fx["dispute_id"])}))}),
        Query("3-inbox", "(3) unit inbox, 50, overdue first", False, {
            "zhili": _fixed(("unit", ZHILI_INBOX, {"unit": unit})),
            "postgraphile": _fixed(("unit", PG_INBOX, {"unit": unit}))}),
        Query("4-dashboard", "(4) county dashboard: disputeStatistics", False, {
            "zhili": _fixed(("county", ZHILI_STATISTICS, {"area": fx["county_area"]})),
            "postgraphile": _fixed(("county", PG_DASHBOARD, {"area": fx["county_area"]}))}),
        Query("4b-counts", "(4b) county dashboard from list totalCounts", False, {
            "zhili": _fixed(*dashboard)}),
        Query("5-city", "(5) city-wide list, 50, totalCount", False, {
            "zhili": _fixed(("city", ZHILI_CITY, {})),
            "postgraphile": _fixed(("city", PG_CITY, {}))}),
        Query("6a-update", "(6a) updateDispute (free text)", True, {
            engine: _cycle(fx["update_disputes"][engine], _update(engine)) for engine in engines}),
        Query("6b-transition", "(6b) report dispatch / return", True, {
            engine: TransitionRows(engine, fx["transition_reports"][engine], fx["dispatch_unit_id"])
            for engine in engines}),
    ]  # fmt: skip
    return queries
