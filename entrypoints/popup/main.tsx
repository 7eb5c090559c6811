import { mountExtensionPage } from '@/components/extension-page';
import { Popup } from '@/components/popup/Popup';

mountExtensionPage(() => <Popup />);
