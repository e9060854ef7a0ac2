/** The API's statistics queries for the dashboard (治汇一屏), each within the caller's scope; null
 * when the server does not offer the query (the dashboard then counts with list totals). */
import { gql, type ApolloClient } from '@apollo/client';
import type { ApiModel } from './model';

export interface AreaResolution {
    area: { code: string; name: string };
    total: number;
    finished: number;
    resolved: number;
    rate: number | null;
}
export interface DisputeStatistics {
    total: number;
    resolution: { finished: number; resolved: number; rate: number | null };
    byType: { code: string; name: string; count: number }[];
    byStatus: { status: string; label: string; count: number }[];
    byCounty: AreaResolution[];
    byTownship: AreaResolution[];
}
export interface UnitPerformance {
    unit: { id: string; code: string; name: string };
    dispatched: number;
    evaluated: number;
    responseRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
}
export interface TaskCompletion {
    unit: { id: string; code: string; name: string };
    total: number;
    completed: number;
    overdue: number;
    rate: number | null;
    averageProgress: number | null;
}

const AREA = 'area { code name } total finished resolved rate';
const DISPUTES = gql`query DisputeStatistics { disputeStatistics {
    total resolution { finished resolved rate }
    byType { code name count } byStatus { status label count }
    byCounty { ${AREA} } byTownship { ${AREA} }
} }`;
const UNITS = gql`query UnitPerformance { unitPerformance {
    unit { id code name } dispatched evaluated responseRate resolutionRate satisfactionRate
} }`;
const TASKS = gql`query TaskCompletion { taskCompletion {
    unit { id code name } total completed overdue rate averageProgress
} }`;

export interface StatisticsMethods {
    disputeStatistics: () => Promise<DisputeStatistics | null>;
    unitPerformance: () => Promise<UnitPerformance[] | null>;
    taskCompletion: () => Promise<TaskCompletion[] | null>;
}

export function statisticsMethods(
    client: ApolloClient<unknown>,
    describe: () => Promise<ApiModel>,
    unwrap: (error: unknown) => never
): StatisticsMethods {
    const ask = async <T>(name: string, query: ReturnType<typeof gql>): Promise<T | null> => {
        if (!(await describe()).queries[name]) return null;
        const { data } = await client.query<Record<string, T>>({ query }).catch(unwrap);
        return data[name];
    };
    return {
        disputeStatistics: () => ask<DisputeStatistics>('disputeStatistics', DISPUTES),
        unitPerformance: () => ask<UnitPerformance[]>('unitPerformance', UNITS),
        taskCompletion: () => ask<TaskCompletion[]>('taskCompletion', TASKS),
    };
}
