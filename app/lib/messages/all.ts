// Every language's texts, for the server, scripts and tests (a browser loads only its page's language: ./load).
import { addMessages } from "../i18n";
import { en } from "./en";
import { zh } from "./zh";

addMessages("zh", zh);
addMessages("en", en);
