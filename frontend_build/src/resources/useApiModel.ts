/** The API model for components: loaded once per session by the data provider, read from React Query. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useResourceContext } from 'ra-core';
import type { ApiModel, ResourceModel, ZhiliDataProvider } from '../dataProvider';

export const MODEL_KEY = ['zhili', 'model'];

export function useApiModel(): ApiModel | undefined {
    const dataProvider = useDataProvider<ZhiliDataProvider>();
    const { data } = useQuery({ queryKey: MODEL_KEY, queryFn: () => dataProvider.describe(), staleTime: Infinity });
    return data;
}

export function useResourceModel(name?: string): ResourceModel | undefined {
    const current = useResourceContext();
    return useApiModel()?.byName[name ?? current ?? ''];
}
