/**
 * The fixture web server for import specs (lib/testing/article-server.ts),
 * run by Playwright as a web server next to the app. The app reaches it only
 * because playwright.config.ts names it in IMPORT_ALLOW_HOSTS.
 */
import { startArticleServer } from "../../lib/testing/article-server";

const port = Number(process.env.PORT);
startArticleServer(port).then((s) => console.log(`fixture pages on ${s.origin}`));
