// Every unit test sees the real English strings, as the extension does.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessage } from '../support/i18n';

fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
