/** Where a workflow object (objectType + objectId, as notifications and supervisions name it) is
 * shown in the portal: its entity's show page, when the user has one. */
import { useCreatePath } from 'react-admin';
import { resourceForObjectType, type ApiModel } from '../dataProvider';
import { useApiModel } from './useApiModel';

export function recordRoute(api: ApiModel | undefined, objectType: string, objectId: string, createPath: ReturnType<typeof useCreatePath>) {
    const resource = api && resourceForObjectType(api, objectType);
    if (!resource?.detail) return undefined;
    return { resource, path: createPath({ resource: resource.name, id: objectId, type: 'show' }) };
}

export function useRecordRoute() {
    const api = useApiModel();
    const createPath = useCreatePath();
    return (objectType: string, objectId: string) => recordRoute(api, objectType, objectId, createPath);
}
