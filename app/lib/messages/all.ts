// Every language's texts, for the server, scripts and tests (a browser gets only its page's language, in the document).
import { addMessages } from "../i18n";
import { en } from "./en";
import { zh } from "./zh";

addMessages("zh", zh);
addMessages("en", en);
