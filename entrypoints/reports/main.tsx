import { mountExtensionPage } from '@/components/extension-page';
import { ReportsPage } from '@/components/reports/ReportsPage';

mountExtensionPage(() => <ReportsPage />, 'reportsTitle');
