// npm run build: the whole production build, as npm start would make it (build/client, build/server, build/serve.js).
import { buildApp } from "./build";

buildApp();
