"""The bench's pure parts (bench/): percentiles, /proc parsing, JWTs, the table, the query mix,
and statement counting on a real in-process request. No servers are started."""

import base64
import json
import math

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.counting import count_statements, is_control
from bench.mix import ALIASES_PER_REQUEST, TransitionRows, dashboard_documents
from bench.stats import (
    CLOCK_TICKS,
    Figures,
    cpu_seconds,
    jwt_hs256,
    peak_rss_kib,
    percentile,
    render_table,
)


def test_percentile_interpolates_between_closest_ranks():
    values = list(range(10, 0, -1))  # unsorted on purpose
    assert percentile(values, 50) == 5.5
    assert math.isclose(percentile(values, 95), 9.55)
    assert math.isclose(percentile(values, 99), 9.91)
    assert percentile([7.0], 99) == 7.0
    assert math.isnan(percentile([], 50))


def test_cpu_seconds_reads_utime_and_stime_after_the_command_name():
    # the command name may hold spaces and parentheses
    fields = ["S", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "250", "150"]
    line = "4242 (gunicorn: (worker) x) " + " ".join(fields) + " 0 0 20"
    assert cpu_seconds(line) == (250 + 150) / CLOCK_TICKS


def test_peak_rss_is_vmhwm():
    status = "Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t  175104 kB\nVmRSS:\t 170000 kB\n"
    assert peak_rss_kib(status) == 175104
    assert peak_rss_kib("Name:\tzombie\n") == 0


def test_jwt_matches_the_rfc_7519_hs256_reference_token():
    token = jwt_hs256(
        {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}, "your-256-bit-secret"
    )
    assert token.endswith(".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
    body = token.split(".")[1]
    assert (
        json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))["sub"] == "1234567890"
    )


def test_table_has_a_row_per_engine_and_a_ratio_row():
    zhili, pg = Figures(), Figures()
    zhili.data, zhili.cpu_ms, zhili.latencies_ms, zhili.throughput = (
        [4],
        [12.0],
        [20.0, 30.0],
        [50.0],
    )
    pg.data, pg.cpu_ms, pg.latencies_ms, pg.throughput = [2], [4.0], [10.0, 10.0], [100.0]
    rows = {"(1) list": {"zhili": zhili.summary(), "postgraphile": pg.summary()}}
    lines = render_table(rows, ["zhili", "postgraphile"]).splitlines()
    assert len(lines) == 2 + 3
    ratio = [cell.strip() for cell in lines[-1].split("|")]
    assert ratio[1:5] == ["(1) list", "**ratio**", "2.00×", "–"]  # SQL+tx unknown: no ratio
    assert ratio[5] == "3.00×" and ratio[6] == "2.50×"  # CPU, p50
    assert "0.50×" in ratio  # throughput


def test_zhili_dashboard_respects_the_alias_limit_and_covers_every_count():
    fx = {
        "county_area": "130926000000",
        "statuses": ["registered", "closed"],
        "type_codes": [f"{n:02d}" for n in range(1, 18)],
        "townships": [f"130926{n:03d}000" for n in range(100, 109)],
    }
    documents = dashboard_documents(fx)
    counts = [doc.count("totalCount") for doc in documents]
    assert max(counts) <= ALIASES_PER_REQUEST
    assert sum(counts) == 2 + 17 + 2 * 9


def test_transition_rows_alternate_dispatch_and_return_per_row():
    rows = TransitionRows(
        "zhili", [{"id": 1, "status": "registered"}, {"id": 2, "status": "dispatched"}], 7
    )
    first, second, third = rows(0), rows(1), rows(2)
    assert first[0][0] == "township" and "dispatchReport" in first[0][1]
    assert first[0][2] == {"id": "1", "unit": "7"}
    assert second[0][0] == "unit" and "returnReport" in second[0][1]
    assert third[0][0] == "unit"  # row 1 was dispatched by the first call


def test_control_statements_are_told_apart():
    assert is_control('SAVEPOINT "s1"') and is_control("release savepoint x")
    assert is_control("select set_config(el->>0, el->>1, true) from json_array_elements($1)")
    assert not is_control('SELECT "disputes_dispute"."id" FROM "disputes_dispute"')


def test_statement_count_of_an_in_process_request(client, django_user_model):
    """What the gunicorn hook does for a tagged request: Django's query log, split by kind."""
    user = django_user_model.objects.create_user(username="bench_probe", password="x")
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/graphql/",
            json.dumps({"query": "{ me { username } }"}),
            content_type="application/json",
        )
    assert response.json()["data"]["me"]["username"] == "bench_probe"
    statements, data = count_statements(q["sql"] for q in captured.captured_queries)
    assert statements == len(captured.captured_queries) >= 2  # session, user, grants …
    assert data == statements - sum(is_control(q["sql"]) for q in captured.captured_queries)
    assert count_statements(["BEGIN", "SELECT 1", "COMMIT"]) == (3, 1)
