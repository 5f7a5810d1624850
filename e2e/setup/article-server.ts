/**
 * The fixture web server for import specs (testing/article-server.ts),
 * run by Playwright as a web server next to the app. The app reaches it only
 * because playwright.config.ts names it in IMPORT_ALLOW_HOSTS.
 */
import { startArticleServer } from "../../testing/article-server";

const port = Number(process.env.PORT);
startArticleServer(port).then((s) => console.log(`fixture pages on ${s.origin}`));
