const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');
const openapi = require('./openapi-plugin.cjs');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/server'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      // The compliance report's PDF embeds these fonts (libs/server/compliance/src/report-fonts.ts looks here).
      assets: ['./src/assets', { input: '../../libs/server/compliance/src/fonts', glob: '*', output: 'assets/compliance-fonts' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
      transformers: [{ name: '@nestjs/swagger/plugin', options: openapi.options }],
    }),
  ],
};
