import packageJson from '../../package.json';

/** The app's version, from package.json (bundled into the build). */
export const APP_VERSION: string = packageJson.version;
