import { defineConfig } from 'vitest/config';

// No React plugin: Vite's own transformer compiles TSX with the automatic JSX runtime (tsconfig
// "jsx": "react-jsx"); fast refresh is the only thing lost, and only in `npm run dev`.
export default defineConfig({
    base: '/',
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        // Django's whitenoise marks assets/<name>-<hash>.<ext> immutable (backend/settings.py).
        assetsDir: 'assets',
        chunkSizeWarningLimit: 2500,
        rollupOptions: {
            // MUI marks its modules "use client" for React Server Components; meaningless in this bundle
            onwarn(warning, warn) {
                if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
            },
        },
    },
    server: {
        // `npm run dev` against `manage.py runserver` on :8000 (same origin for the session cookie)
        proxy: { '/graphql': 'http://127.0.0.1:8000', '/auth': 'http://127.0.0.1:8000', '/evidence': 'http://127.0.0.1:8000' },
    },
    test: {
        include: ['tests/**/*.test.ts'],
        environment: 'node',
        // their ESM builds import @apollo/client by name; let Vite resolve it as the bundle does
        server: { deps: { inline: ['ra-data-graphql', '@apollo/client', 'apollo-upload-client'] } },
    },
});
