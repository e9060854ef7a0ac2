-- Row scope for PostGraphile on the bench database ONLY (never part of Zhili's migrations).
-- Applied by bench/run.sh after every migrate; idempotent.
--
-- Zhili's rule (permissions/policy.py), expressed as PostgreSQL row-level security:
--   a row is visible for action A when its area code lies in the range of a role grant carrying A
--   (area_id BETWEEN low AND high, on the row's own indexed column), OR one of the user's unit
--   groups holds a django-guardian direct-FK object grant of A on the row. The grant term is
--   written `id = ANY (ARRAY (subquery))`, as Zhili writes it on PostgreSQL: an InitPlan run once,
--   so the OR is a BitmapOr of the area index and the primary key, not a filter over every row.
-- Each request carries the user's scope in a JWT (HS256, audience "postgraphile") which
-- PostGraphile's PgLazyJWTPreset copies into transaction-local settings:
--   role                        zhili_bench_user (RLS applies to it; the owner bypasses RLS)
--   jwt.claims.user_id          the Zhili user id (actor of writes)
--   jwt.claims.dispute_view_low / _high, dispute_change_low / _high,
--   jwt.claims.report_view_low  / _high, report_change_low  / _high
--                               the area-code range of the user's role grants per model and action
--                               (an empty range 1..0 when the user holds none)
--   jwt.claims.group_ids        '{…}': the Django groups of the user's units (guardian grants)
-- Child rows (parties, mediation records, evidence, dispatch steps) follow their parent, as in Zhili.

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zhili_bench_user') THEN
    CREATE ROLE zhili_bench_user NOLOGIN;
  END IF;
END $$;
GRANT zhili_bench_user TO CURRENT_USER;

CREATE SCHEMA IF NOT EXISTS zhili_bench;
GRANT USAGE ON SCHEMA public, zhili_bench TO zhili_bench_user;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO zhili_bench_user;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO zhili_bench_user;
GRANT UPDATE (summary, updated_at) ON disputes_dispute TO zhili_bench_user;
GRANT UPDATE (status, current_unit_id, deadline, updated_at) ON reports_report TO zhili_bench_user;
GRANT INSERT, UPDATE ON reports_dispatchstep TO zhili_bench_user;
GRANT INSERT, DELETE ON reports_reportunitgrant TO zhili_bench_user;

-- Claims: STABLE SQL functions, inlined by the planner and evaluated once per scan, so the range
-- predicate is an index condition on area_id.
CREATE OR REPLACE FUNCTION zhili_bench.claim_bigint(name text, fallback bigint) RETURNS bigint
  LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('jwt.claims.' || name, true), '')::bigint, fallback) $$;

CREATE OR REPLACE FUNCTION zhili_bench.group_ids() RETURNS int[]
  LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('jwt.claims.group_ids', true), '')::int[], '{}') $$;

CREATE OR REPLACE FUNCTION zhili_bench.perm_id(app text, codename text) RETURNS int
  LANGUAGE sql STABLE AS
$$ SELECT p.id FROM auth_permission p JOIN django_content_type c ON c.id = p.content_type_id
   WHERE c.app_label = app AND p.codename = perm_id.codename $$;

COMMENT ON SCHEMA zhili_bench IS '@behavior -*';  -- helpers only: not exposed as GraphQL fields

ALTER TABLE disputes_dispute ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE disputes_disputeparty ENABLE ROW LEVEL SECURITY;
ALTER TABLE disputes_mediationrecord ENABLE ROW LEVEL SECURITY;
ALTER TABLE evidence_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports_dispatchstep ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS bench_view ON disputes_dispute;
CREATE POLICY bench_view ON disputes_dispute FOR SELECT TO zhili_bench_user USING (
  area_id BETWEEN zhili_bench.claim_bigint('dispute_view_low', 1)
              AND zhili_bench.claim_bigint('dispute_view_high', 0)
  OR id = ANY (ARRAY (SELECT g.content_object_id FROM disputes_disputeunitgrant g
                      WHERE g.group_id = ANY (zhili_bench.group_ids())
                        AND g.permission_id = zhili_bench.perm_id('disputes', 'view_dispute'))));

DROP POLICY IF EXISTS bench_change ON disputes_dispute;
CREATE POLICY bench_change ON disputes_dispute FOR UPDATE TO zhili_bench_user USING (
  area_id BETWEEN zhili_bench.claim_bigint('dispute_change_low', 1)
              AND zhili_bench.claim_bigint('dispute_change_high', 0)
  OR id = ANY (ARRAY (SELECT g.content_object_id FROM disputes_disputeunitgrant g
                      WHERE g.group_id = ANY (zhili_bench.group_ids())
                        AND g.permission_id = zhili_bench.perm_id('disputes', 'change_dispute'))));

DROP POLICY IF EXISTS bench_view ON reports_report;
CREATE POLICY bench_view ON reports_report FOR SELECT TO zhili_bench_user USING (
  area_id BETWEEN zhili_bench.claim_bigint('report_view_low', 1)
              AND zhili_bench.claim_bigint('report_view_high', 0)
  OR id = ANY (ARRAY (SELECT g.content_object_id FROM reports_reportunitgrant g
                      WHERE g.group_id = ANY (zhili_bench.group_ids())
                        AND g.permission_id = zhili_bench.perm_id('reports', 'view_report'))));

DROP POLICY IF EXISTS bench_change ON reports_report;
CREATE POLICY bench_change ON reports_report FOR UPDATE TO zhili_bench_user USING (
  area_id BETWEEN zhili_bench.claim_bigint('report_change_low', 1)
              AND zhili_bench.claim_bigint('report_change_high', 0)
  OR id = ANY (ARRAY (SELECT g.content_object_id FROM reports_reportunitgrant g
                      WHERE g.group_id = ANY (zhili_bench.group_ids())
                        AND g.permission_id = zhili_bench.perm_id('reports', 'change_report'))));

-- Children follow the parent: the EXISTS runs the parent's own policy.
DROP POLICY IF EXISTS bench_view ON disputes_disputeparty;
CREATE POLICY bench_view ON disputes_disputeparty FOR SELECT TO zhili_bench_user
  USING (EXISTS (SELECT FROM disputes_dispute d WHERE d.id = dispute_id));
DROP POLICY IF EXISTS bench_view ON disputes_mediationrecord;
CREATE POLICY bench_view ON disputes_mediationrecord FOR SELECT TO zhili_bench_user
  USING (EXISTS (SELECT FROM disputes_dispute d WHERE d.id = dispute_id));
DROP POLICY IF EXISTS bench_view ON evidence_evidence;
CREATE POLICY bench_view ON evidence_evidence FOR SELECT TO zhili_bench_user USING (
  (dispute_id IS NOT NULL AND EXISTS (SELECT FROM disputes_dispute d WHERE d.id = dispute_id))
  OR (report_id IS NOT NULL AND EXISTS (SELECT FROM reports_report r WHERE r.id = report_id)));
DROP POLICY IF EXISTS bench_view ON reports_dispatchstep;
CREATE POLICY bench_view ON reports_dispatchstep FOR SELECT TO zhili_bench_user
  USING (EXISTS (SELECT FROM reports_report r WHERE r.id = report_id));
DROP POLICY IF EXISTS bench_write ON reports_dispatchstep;
CREATE POLICY bench_write ON reports_dispatchstep FOR INSERT TO zhili_bench_user
  WITH CHECK (EXISTS (SELECT FROM reports_report r WHERE r.id = report_id));
DROP POLICY IF EXISTS bench_finish ON reports_dispatchstep;
CREATE POLICY bench_finish ON reports_dispatchstep FOR UPDATE TO zhili_bench_user
  USING (EXISTS (SELECT FROM reports_report r WHERE r.id = report_id));

-- (4) The county dashboard in one statement (PostGraphile exposes it as Query.disputeDashboard), the
-- figures of Zhili's disputeStatistics: kind 'total' (one row), 'type' (first-level GB/T 31000 type),
-- 'status', 'township'; with the disputes whose mediation ended (success set) and those resolved.
-- RLS scopes it to the caller, like every other read.
DROP FUNCTION IF EXISTS public.dispute_dashboard(bigint);
DROP TYPE IF EXISTS public.dashboard_row;
CREATE TYPE public.dashboard_row AS
  (kind text, key text, label text, total bigint, finished bigint, resolved bigint);
CREATE FUNCTION public.dispute_dashboard(area bigint) RETURNS SETOF public.dashboard_row
  LANGUAGE sql STABLE AS $$
  WITH bounds AS (
    SELECT a.code AS low, a.code + (CASE a.level WHEN 3 THEN 100000000 WHEN 4 THEN 1000000
                                                 WHEN 5 THEN 1000 ELSE 1 END) - 1 AS high
    FROM areas_area a WHERE a.code = area),
  scoped AS (
    SELECT d.status, d.type_id, d.area_id, d.success FROM disputes_dispute d
    WHERE d.area_id BETWEEN (SELECT low FROM bounds) AND (SELECT high FROM bounds))
  SELECT 'total', '', '', count(*), count(*) FILTER (WHERE s.success IS NOT NULL),
         count(*) FILTER (WHERE s.success) FROM scoped s
  UNION ALL
  SELECT 'type', coalesce(p.code, c.code), coalesce(p.name, c.name), count(*), NULL, NULL
    FROM scoped s JOIN codes_code c ON c.id = s.type_id LEFT JOIN codes_code p ON p.id = c.parent_id
    GROUP BY 2, 3
  UNION ALL
  SELECT 'status', s.status, s.status, count(*), NULL, NULL FROM scoped s GROUP BY 2
  UNION ALL
  SELECT 'township', a.code::text, a.name, count(*), count(*) FILTER (WHERE s.success IS NOT NULL),
         count(*) FILTER (WHERE s.success)
    FROM scoped s JOIN areas_area a ON a.code = s.area_id / 1000 * 1000 GROUP BY 2, 3
$$;
GRANT EXECUTE ON FUNCTION public.dispute_dashboard(bigint) TO zhili_bench_user;

-- (6b) The report workflow round trip as database functions (PostGraphile's way to write a
-- transition): dispatch (registered/returned → dispatched) and return (dispatched/signed →
-- returned), each with its dispatch step and the unit grants kept in step, as Zhili's services do.
-- Zhili additionally writes an audit entry, a transition record and a notification per transition.
CREATE OR REPLACE FUNCTION zhili_bench.refresh_report_grants(rid bigint) RETURNS void
  LANGUAGE sql VOLATILE AS $$
  DELETE FROM reports_reportunitgrant g WHERE g.content_object_id = rid
    AND g.group_id IS DISTINCT FROM (SELECT u.group_id FROM reports_report r
                                     JOIN org_unit u ON u.id = r.current_unit_id WHERE r.id = rid);
  INSERT INTO reports_reportunitgrant (content_object_id, group_id, permission_id)
    SELECT rid, u.group_id, p.id FROM reports_report r JOIN org_unit u ON u.id = r.current_unit_id
    JOIN auth_permission p ON p.id IN (zhili_bench.perm_id('reports', 'view_report'),
      zhili_bench.perm_id('reports', 'change_report'), zhili_bench.perm_id('reports', 'unmask_report'))
    WHERE r.id = rid
  ON CONFLICT DO NOTHING;
$$;

DROP FUNCTION IF EXISTS public.dispatch_report(bigint, bigint);
CREATE FUNCTION public.dispatch_report(report_id bigint, unit_id bigint) RETURNS reports_report
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE r reports_report; sender bigint; hours int; at timestamptz := now();
BEGIN
  SELECT * INTO r FROM reports_report WHERE id = report_id FOR UPDATE;
  IF NOT FOUND OR r.status NOT IN ('registered', 'returned') THEN
    RAISE EXCEPTION '事项不存在或当前状态不能派单';
  END IF;
  SELECT time_limit_hours INTO hours FROM reports_reportcategory WHERE id = r.category_id;
  sender := r.current_unit_id;
  UPDATE reports_report SET status = 'dispatched', current_unit_id = unit_id,
    deadline = at + make_interval(hours => hours), updated_at = at
    WHERE id = report_id RETURNING * INTO r;
  INSERT INTO reports_dispatchstep (report_id, action, from_unit_id, to_unit_id, actor_id,
    entered_at, deadline, reason, note)
    VALUES (report_id, 'dispatch', sender, unit_id,
            zhili_bench.claim_bigint('user_id', NULL), at, r.deadline, '', '');
  PERFORM zhili_bench.refresh_report_grants(report_id);
  RETURN r;
END $$;

DROP FUNCTION IF EXISTS public.return_report(bigint, text);
CREATE FUNCTION public.return_report(report_id bigint, reason text) RETURNS reports_report
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE r reports_report; centre bigint; holder bigint; at timestamptz := now();
BEGIN
  SELECT * INTO r FROM reports_report WHERE id = report_id FOR UPDATE;
  IF NOT FOUND OR r.status NOT IN ('dispatched', 'signed')
     OR NOT EXISTS (SELECT FROM org_unit u WHERE u.id = r.current_unit_id
                    AND u.group_id = ANY (zhili_bench.group_ids())) THEN
    RAISE EXCEPTION '事项不存在或当前状态不能回退';
  END IF;
  holder := r.current_unit_id;
  IF coalesce(trim(reason), '') = '' THEN RAISE EXCEPTION '回退必须填写理由'; END IF;
  SELECT s.from_unit_id INTO centre FROM reports_dispatchstep s
    WHERE s.report_id = return_report.report_id AND s.action = 'dispatch'
    ORDER BY s.entered_at DESC, s.id DESC LIMIT 1;
  UPDATE reports_dispatchstep SET finished_at = at
    WHERE reports_dispatchstep.report_id = return_report.report_id AND finished_at IS NULL
      AND action IN ('dispatch', 'transfer', 'redo');
  UPDATE reports_report SET status = 'returned', current_unit_id = centre, updated_at = at
    WHERE id = report_id RETURNING * INTO r;
  INSERT INTO reports_dispatchstep (report_id, action, from_unit_id, to_unit_id, actor_id,
    entered_at, reason, note)
    VALUES (report_id, 'return', holder, centre,
            zhili_bench.claim_bigint('user_id', NULL), at, reason, '');
  PERFORM zhili_bench.refresh_report_grants(report_id);
  RETURN r;
END $$;
GRANT EXECUTE ON FUNCTION public.dispatch_report(bigint, bigint), public.return_report(bigint, text)
  TO zhili_bench_user;
