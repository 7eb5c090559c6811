import { mountExtensionPage } from '@/components/extension-page';
import { OptionsPage } from '@/components/options/OptionsPage';

mountExtensionPage(() => <OptionsPage />, 'optionsTitle');
