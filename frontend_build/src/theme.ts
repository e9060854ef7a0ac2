import { defaultTheme, type RaThemeOptions } from 'react-admin';

// CJK first in the font stack: office PCs run Windows (Microsoft YaHei); Linux has WenQuanYi / Noto CJK.
const fontFamily = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Zen Hei"', 'Roboto', 'Arial', 'sans-serif'].join(',');

export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: { primary: { main: '#1565c0' }, secondary: { main: '#0d47a1' } },
    typography: { fontFamily },
};
