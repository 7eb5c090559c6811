import { mountExtensionPage } from '@/components/extension-page';
import { WelcomePage } from '@/components/welcome/WelcomePage';

mountExtensionPage(() => <WelcomePage />, 'welcomeTitle');
