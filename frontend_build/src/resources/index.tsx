/** One <Resource> per entity of the API's resource description: a new entity appears in the portal
 * with list / show / edit / create as soon as the server describes it. */
import { Resource } from 'react-admin';
import type { ApiModel } from '../dataProvider';
import { GenericCreate, GenericEdit } from './GenericForms';
import { GenericList } from './GenericList';
import { GenericShow } from './GenericShow';

export function resourcesOf(api: ApiModel) {
    return api.resources
        .filter(model => model.list || model.detail)
        .map(model => (
            <Resource
                key={model.name}
                name={model.name}
                list={model.list ? GenericList : undefined}
                show={model.detail ? GenericShow : undefined}
                edit={model.update ? GenericEdit : undefined}
                create={model.create ? GenericCreate : undefined}
                recordRepresentation={model.representation}
                options={{ label: model.label.zh }}
            />
        ));
}
