/** Documents of the signed-in session: who am I, log in, log out, and what the portal shows. */
import { gql } from '@apollo/client';

const ME_FIELDS = `id username fullName isSuperuser permissions
    grants { role roleLabel scopeCode scopeName unitId }`;

export const ME = gql`query Me { me { ${ME_FIELDS} } }`;

export const LOGIN = gql`mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
        __typename
        ... on Me { ${ME_FIELDS} }
        ... on OperationInfo { messages { kind field message code } }
    }
}`;

export const LOGOUT = gql`mutation Logout { logout }`;

/** The resource description; `allowed` on an action and the backend `model` of a resource (the
 * object type of workflow queries) are asked for when the server offers them. */
export function resourcesQuery(actionFields: string[], resourceFields: string[] = []) {
    const optional = ['allowed'].filter(name => actionFields.includes(name)).join(' ');
    const model = resourceFields.includes('model') ? 'model' : '';
    return gql`query Resources {
        resources {
            name ${model} labelZh labelEn listQuery detailQuery createMutation updateMutation deleteMutation
            listColumns sortable
            fields { name type labelZh labelEn required choices { value label } sensitive reference many }
            filters { name type label }
            actions { name label ${optional} }
            permissions { view add change delete }
        }
    }`;
}
