import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { PortalMenu } from './Menu';
import { NotificationBell } from './NotificationBell';

const Toolbar = () => (
    <>
        <NotificationBell />
        <LocalesMenuButton />
        <LoadingIndicator />
    </>
);

const PortalAppBar = () => <AppBar toolbar={<Toolbar />} />;

export const PortalLayout = ({ children }: { children: ReactNode }) => (
    <Layout menu={PortalMenu} appBar={PortalAppBar}>
        {children}
    </Layout>
);
