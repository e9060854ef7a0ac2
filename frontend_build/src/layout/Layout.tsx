import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { PortalMenu } from './Menu';

export const PortalLayout = ({ children }: { children: ReactNode }) => <Layout menu={PortalMenu}>{children}</Layout>;
