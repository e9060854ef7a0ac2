/**
 * The portal, as a table of contents: the overview, my work, the township teams, the dispatch
 * board, notifications, supervision, the peace-village ranking, early warnings and API tokens as custom pages,
 * then one generic list / show / edit / create for every entity the API describes.
 */
import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes } from 'react-admin';
import { createAuthProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider, resourceMessages } from './i18n';
import { PortalLayout } from './layout/Layout';
import { ApiTokens } from './pages/ApiTokens';
import { DispatchBoard } from './pages/DispatchBoard';
import { MyWork } from './pages/MyWork';
import { Notifications } from './pages/Notifications';
import { Supervisions } from './pages/Supervisions';
import { TeamsBoard } from './pages/TeamsBoard';
import { resourcesOf } from './resources';
import { theme } from './theme';

const authProvider = createAuthProvider(dataProvider);
// ECharts is the largest dependency: loaded with the overview page, not before the login form
const Dashboard = lazy(() => import('./pages/Dashboard').then(module => ({ default: module.Dashboard })));
const PeaceVillageRanking = lazy(() => import('./peacevillage/Ranking').then(module => ({ default: module.PeaceVillageRanking })));
const EarlyWarnings = lazy(() => import('./eventgraph/EarlyWarnings').then(module => ({ default: module.EarlyWarnings })));

/** Called with the user's permissions once they are known: the entities come from the server's
 * description, which is refused to anonymous callers — so nothing is asked before login. */
async function describedResources(permissions: unknown) {
    if (!permissions) return [];
    try {
        const api = await dataProvider.describe();
        resourceMessages(api.resources);
        return resourcesOf(api);
    } catch (error) {
        console.error('资源描述加载失败', error);
        return [];
    }
}

export const App = () => (
    <Admin
        title="治理 Zhili"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        layout={PortalLayout}
        dashboard={Dashboard}
        theme={theme}
        requireAuth
        disableTelemetry
    >
        {describedResources}
        <CustomRoutes>
            <Route path="/my-work" element={<MyWork />} />
            <Route path="/teams" element={<TeamsBoard />} />
            <Route path="/dispatch" element={<DispatchBoard />} />
            <Route path="/notifications" element={<Notifications />} />
            <Route path="/supervisions" element={<Supervisions />} />
            <Route path="/peace-village/ranking" element={<PeaceVillageRanking />} />
            <Route path="/early-warnings" element={<EarlyWarnings />} />
            <Route path="/api-tokens" element={<ApiTokens />} />
        </CustomRoutes>
    </Admin>
);
