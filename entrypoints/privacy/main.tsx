import { mountExtensionPage } from '@/components/extension-page';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';

mountExtensionPage(() => <PrivacyPage />, 'privacyTitle');
