/** The event graph of a place: the place's items registered in a period (disputes and reports, as
 * the lists answer them to the reader) with their one-hop neighbourhoods, merged into one graph. */
import type { ApiModel, EventGraph, ZhiliDataProvider } from '../dataProvider';
import { mergeGraphs } from './graphOption';

/** at most this many of the place's items are drawn with their neighbourhoods */
export const PLACE_ITEMS = 12;

/** List filters for a village's items registered from `first` to `last` (local days). */
export const placeFilters = (areaCode: string, first: string, last: string) => ({
    Dispute: { area: areaCode, registeredOn__gte: first, registeredOn__lte: last },
    Report: { area: areaCode, registeredAt__gte: `${first}T00:00:00+08:00`, registeredAt__lte: `${last}T23:59:59+08:00` },
});

export async function placeGraph(
    dataProvider: ZhiliDataProvider,
    api: ApiModel,
    areaCode: string,
    first: string,
    last: string
): Promise<{ graph: EventGraph; centres: Set<string> }> {
    const filters = placeFilters(areaCode, first, last);
    const lists = await Promise.all(
        (['Dispute', 'Report'] as const)
            .filter(name => api.byName[name]?.list && api.byName[name]?.objectType)
            .map(async name => {
                const { data } = await dataProvider.getList(name, {
                    filter: filters[name],
                    pagination: { page: 1, perPage: PLACE_ITEMS },
                    sort: { field: 'id', order: 'DESC' },
                });
                return data.map(record => ({ objectType: api.byName[name].objectType!, id: String(record.id) }));
            })
    );
    const items = lists.flat().slice(0, PLACE_ITEMS);
    const graphs = await Promise.all(items.map(item => dataProvider.eventNeighbourhood(item.objectType, item.id, 1)));
    return {
        graph: mergeGraphs(graphs.filter((g): g is EventGraph => g !== null)),
        centres: new Set(items.map(item => `${item.objectType}:${item.id}`)),
    };
}
